"""
Fields whose value is an attribute are read from their object, not resolved.

graphql-core executes every field of an answer the same way: a ``GraphQLResolveInfo``, the
field's resolver (for strawberry a chain: its ``Info``, argument conversion, field
extensions, strawberry-django's ``get_result`` with its checks for managers, querysets
and awaitables), then completion through the non-null, list, leaf and object cases. For a
page of 20 guides that is about 250 fields, most of them a column or an attribute
(``title``, a topic's ``slug``, a rendition's ``url``, an edge's ``node``, a guide's
``image``): that machinery around a dictionary lookup was a fifth of the request's work.

``PlainFieldsExecutor`` reads a field directly when its resolver is known to return just
that: a field without arguments whose strawberry field has no resolver of its own and no
field extensions, while no schema extension hooks into fields (strawberry then adds
graphql-core middleware, and the shortcut is off). The value read is

- for a strawberry field: the attribute of the same name (strawberry's default resolver);
- for a strawberry-django field: a column's value if the instance holds it (a plain
  ``DeferredAttribute``), or a foreign key's object if it was loaded with the instance
  (``select_related``, the optimizer's doing) — exactly what strawberry-django returns
  then. File fields, reverse relations, properties and anything not loaded go the normal
  way (which may query).

A scalar or enum is then serialised by its type as graphql-core would; anything unusual
(``None`` for a non-null field, a value the scalar refuses, any exception) goes the normal
way, which does the same work again and reports the error as before. An object or list is
completed by graphql-core itself, with the same error handling as ``execute_field``. The
shortcut never answers differently, it only answers sooner (``tests/api/test_execution.py``
compares answers with and without it).

Fields with a resolver of their own (a guide's ``topics``, an image's ``rendition``) still
run it, but are **called directly** when strawberry's chain around the call would do nothing
for them: no field extensions, no exception handlers, not async, not a subscription. The
chain built an ``Info``, converted the arguments and looked at the resolver's parameters again
for every item; here the arguments are read and converted once per selection (again per
item when a converted value could be changed by the resolver: a list, an input object),
and the field's ``get_result`` is called as strawberry calls it. strawberry-django's
``get_result`` still turns managers and querysets into optimised lists, and errors are
reported exactly as ``execute_field`` reports them.
"""

from enum import Enum
from operator import attrgetter

from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.db.models.query_utils import DeferredAttribute
from graphql import GraphQLEnumType, GraphQLNonNull, GraphQLScalarType
from graphql.execution.executor import to_nodes
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, Undefined, gather_with_cancel
from strawberry.types.arguments import convert_arguments
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField
from strawberry_django.fields.field import StrawberryDjangoField


#: What the built-in scalars serialise to (never awaitable: no check needed).
SERIALIZED = frozenset({str, int, float, bool, type(None)})
#: What a completed object, list or null is (never awaitable either).
COMPLETED = frozenset({dict, list, type(None)})


def plain_reader(field_def, source_class):
    """
    How to read ``field_def`` from an instance of ``source_class`` without its resolver:
    ``(read, leaf type or None, non-null)``, or ``None`` for the normal path. ``read(source)``
    raises (``KeyError``) when the value is not there to read: the normal path runs then.
    """
    if field_def.args or not getattr(field_def.resolve, "_is_default", False):
        return None
    definition = field_def.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if definition is None or definition.base_resolver is not None or definition.extensions:
        return None
    field_type = field_def.type
    non_null = isinstance(field_type, GraphQLNonNull)
    leaf = field_type.of_type if non_null else field_type
    leaf = leaf if isinstance(leaf, GraphQLScalarType | GraphQLEnumType) else None
    if type(definition) is StrawberryField:
        if definition.default_resolver is not getattr:
            return None
        return attrgetter(definition.python_name), leaf, non_null
    if type(definition) is StrawberryDjangoField:
        attribute = getattr(source_class, definition.django_name or definition.python_name, None)
        if type(attribute) is DeferredAttribute and leaf is not None:
            attname = attribute.field.attname
            return (lambda source: source.__dict__[attname]), leaf, non_null
        if type(attribute) is ForwardManyToOneDescriptor and leaf is None:
            cache_name = attribute.field.cache_name
            return (lambda source: source._state.fields_cache[cache_name]), None, non_null
    return None


#: Converted argument values a resolver cannot change: shared by the items of a selection.
UNCHANGEABLE = (str, int, float, bool, type(None), Enum)


def direct_call(field_def, converter):
    """
    The strawberry field whose ``get_result`` may be called directly for ``field_def``, or
    ``None``: only when strawberry's chain would add nothing but the ``Info`` and the
    argument conversion that ``Call`` does itself.
    """
    if field_def.resolve is None or getattr(field_def.resolve, "_is_default", False):
        return None
    definition = field_def.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if type(definition) not in (StrawberryField, StrawberryDjangoField) or definition.base_resolver is None:
        return None
    if definition.extensions or definition.is_async or definition.is_subscription:
        return None
    if converter._get_field_exception_handlers(definition):  # resolved once per field by strawberry
        return None
    return definition


class Call:
    """
    One field of a selection called directly: its arguments, read from the document and
    converted once (``kwargs``) unless a converted value could be changed by the resolver.
    """

    __slots__ = ("definition", "resolver", "converter", "field_details", "kwargs")

    def __init__(self, definition, converter, field_details):
        self.definition = definition
        self.resolver = definition.base_resolver
        self.converter = converter
        self.field_details = field_details
        self.kwargs = None

    def arguments(self, executor, field_def, source, info):
        """``(args, kwargs)`` for ``get_result``, as strawberry's ``get_arguments`` makes them."""
        kwargs = self.kwargs
        if kwargs is None:
            node = self.field_details.node
            raw = (
                get_argument_values(
                    field_def, node, executor.variable_values,
                    self.field_details.fragment_variable_values, executor.hide_suggestions,
                )
                if field_def.args or node.arguments
                else {}
            )
            kwargs = convert_arguments(
                raw, self.definition.arguments,
                scalar_registry=self.converter.scalar_registry, config=self.converter.config, info=info,
            )
            if all(isinstance(value, UNCHANGEABLE) for value in kwargs.values()):
                self.kwargs = kwargs
        kwargs = dict(kwargs)  # the resolver's own, to add to
        resolver = self.resolver
        args = [source] if resolver.self_parameter else []
        if parameter := resolver.parent_parameter:
            kwargs[parameter.name] = source
        if parameter := resolver.root_parameter:
            kwargs[parameter.name] = source
        if parameter := resolver.info_parameter:
            kwargs[parameter.name] = info
        return args, kwargs


class PlainFieldsExecutor(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution, with plain fields read directly (see the module)."""

    #: (id of a GraphQLField, source class) -> (the field, plain_reader's answer). Fields are
    #: not hashable; the field is kept to check the id still names it (tests build schemas).
    readers = {}

    def execute_fields(self, parent_type, source_value, path, grouped_field_set, position_context):
        if self.middleware_manager is not None and self.middleware_manager.middlewares:
            return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)
        results = {}
        is_awaitable = self.is_awaitable
        awaitable_fields = []
        try:
            for response_name, field_details_list, field_def, read, leaf, non_null, call in self.plan(
                parent_type, grouped_field_set, type(source_value)
            ):
                if call is not None:
                    result = self.execute_called_field(
                        call, parent_type, source_value, field_details_list, field_def,
                        Path(path, response_name, parent_type.name), position_context,
                    )
                elif leaf is not None:
                    # A scalar or enum, serialised here; the normal path for anything unusual.
                    try:
                        value = read(source_value)
                        if value is None:
                            if not non_null:
                                results[response_name] = None
                                continue
                        elif value is not Undefined and not isinstance(value, Exception):
                            value = leaf.coerce_output_value(value)
                            if type(value) in SERIALIZED and value is not None:
                                results[response_name] = value
                                continue
                    except Exception:  # the normal path below reports it
                        pass
                    result = Undefined
                elif read is not None:
                    result = self.execute_read_field(
                        read, parent_type, source_value, field_details_list, field_def,
                        Path(path, response_name, parent_type.name), position_context,
                    )
                else:
                    result = Undefined
                if result is Undefined:
                    result = self.execute_field(
                        parent_type, source_value, field_details_list, Path(path, response_name, parent_type.name), position_context
                    )
                if result is not Undefined:
                    results[response_name] = result
                    if type(result) not in COMPLETED and is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[field] for field in awaitable_fields])
            raise
        if not awaitable_fields:
            return results

        async def get_results():
            awaited = await gather_with_cancel(*(results[field] for field in awaitable_fields))
            results.update(zip(awaitable_fields, awaited, strict=True))
            return results

        return get_results()

    def plan(self, parent_type, grouped_field_set, source_class):
        """
        ``(response name, field details, field, read, leaf type, non-null, call)`` for each
        field of a selection (``read`` and ``call`` are ``None`` for the normal path),
        made once per selection and class of object: graphql-core collects a selection's
        fields once per operation (and keeps them), so every item of a list shares them.
        """
        plans = self.__dict__.setdefault("_plans", {})
        key = (id(grouped_field_set), source_class)
        known = plans.get(key)
        if known is not None and known[0] is grouped_field_set:
            return known[1]
        plan = []
        for response_name, field_details_list in grouped_field_set.items():
            field_def = parent_type.fields.get(field_details_list[0].node.name.value)
            read, leaf, non_null = self.reader(field_def, source_class) or (None, None, False)
            call = None
            if read is None and field_def is not None:
                converter = self.schema._strawberry_schema.schema_converter
                definition = direct_call(field_def, converter)
                if definition is not None:
                    call = Call(definition, converter, field_details_list[0])
            plan.append((response_name, field_details_list, field_def, read, leaf, non_null, call))
        plans[key] = (grouped_field_set, plan)
        return plan

    def reader(self, field_def, source_class):
        if field_def is None:  # __typename and the introspection fields
            return None
        key = (id(field_def), source_class)
        known = self.readers.get(key)
        if known is None or known[0] is not field_def:
            known = self.readers[key] = (field_def, plain_reader(field_def, source_class))
        return known[1]

    def execute_read_field(self, read, parent_type, source, field_details_list, field_def, path, position_context):
        """
        ``execute_field`` with ``read`` for the resolver, for fields of object or list type;
        ``Undefined`` (the normal path runs) when there is nothing to read.
        """
        try:
            value = read(source)
        except Exception:  # the normal path reads again and reports what failed
            return Undefined
        info = self.build_resolve_info(field_def, to_nodes(field_details_list), parent_type, path)
        try:
            return self.complete_field(field_def.type, field_details_list, info, path, value, position_context)
        except Exception as raw_error:
            self.handle_field_error(raw_error, field_def.type, field_details_list, path)
            return None

    def execute_called_field(self, call, parent_type, source, field_details_list, field_def, path, position_context):
        """``execute_field`` for a field ``call``ed directly: the same result, the same errors."""
        info = self.build_resolve_info(field_def, to_nodes(field_details_list), parent_type, path)
        try:
            strawberry_info = self.schema._strawberry_schema.config.info_class(_raw_info=info, _field=call.definition)
            args, kwargs = call.arguments(self, field_def, source, strawberry_info)
            result = call.definition.get_result(source, strawberry_info, args, kwargs)
            if self.is_awaitable(result):
                return self.complete_awaitable_value(field_def.type, field_details_list, info, path, result, position_context)
            return self.complete_field(field_def.type, field_details_list, info, path, result, position_context)
        except Exception as raw_error:
            self.handle_field_error(raw_error, field_def.type, field_details_list, path)
            return None

    def complete_field(self, return_type, field_details_list, info, path, value, position_context):
        """``complete_value``, with errors of an awaited completion handled as ``execute_field`` does."""
        completed = self.complete_value(return_type, field_details_list, info, path, value, position_context)
        if self.is_awaitable(completed):

            async def await_completed():
                try:
                    return await completed
                except Exception as raw_error:
                    self.handle_field_error(raw_error, return_type, field_details_list, path)
                    return None

            return await_completed()
        return completed
