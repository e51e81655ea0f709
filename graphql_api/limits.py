"""
Abuse limits, all applied before a resolver runs (so before any SQL).

- depth, aliases (fragments included) and tokens: strawberry's limiters;
- page size and an estimated cost: ``QueryCostLimiter`` below, which sees the variables
  (a validation rule does not, and the validation cache would remember its verdict for a
  query text regardless of the variables);
- parser and validation caches with a fixed ``maxsize``;
- text a database cannot store (NUL bytes, lone surrogates) in any argument or variable:
  ``UnstorableText`` refuses it once, instead of each resolver and each database backend
  failing its own way (PostgreSQL refuses NUL in any text parameter). Its verdict on a
  document's literals is remembered per document, like the parse and the validation.

The validation rules are built once at import, so the validation cache can recognise
them between requests (its key includes the rule classes).
"""

from collections.abc import Iterator
from functools import lru_cache

from django.utils.translation import gettext as _
from graphql import (
    FieldNode,
    StringValueNode,
    visit,
    Visitor,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    get_named_type,
    parse,
    value_from_ast_untyped,
)
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, ParserCache, SchemaExtension, ValidationCache
from strawberry.extensions.max_aliases import create_validator as aliases_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator

from graphql_api.errors import ErrorCode
from graphql_api.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 4000
MAX_COST = 10_000
CACHE_SIZE = 256

LIMIT_RULES = (
    depth_validator(MAX_DEPTH, None, None),
    aliases_validator(MAX_ALIASES),
)


class QueryCostLimiter(SchemaExtension):
    """
    Estimates the cost of a query as the number of fields it may resolve: each field
    counts once per parent item, and a connection multiplies its children by its page
    size (``first``, or the default). Refuses oversized pages and costly queries.
    """

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and not context.pre_execution_errors:
            errors = self.check(context.schema._schema, document, context.variables or {})
            if errors:
                context.pre_execution_errors = errors
        yield

    def check(self, schema, document, variables):
        fragments = {d.name.value: d for d in document.definitions if d.kind == "fragment_definition"}
        errors = []
        for definition in document.definitions:
            if not isinstance(definition, OperationDefinitionNode):
                continue
            root = schema.get_root_type(definition.operation)
            if root is None:
                continue
            cost = self._cost(schema, root, definition.selection_set, fragments, variables, errors, set())
            if cost > MAX_COST:
                errors.append(
                    GraphQLError(
                        _("The query is too costly (estimated %(cost)d, allowed %(max)d). Ask for fewer items.")
                        % {"cost": cost, "max": MAX_COST},
                        extensions={"code": str(ErrorCode.QUERY_TOO_COSTLY)},
                    )
                )
        return errors

    def _page_size(self, node, variables, errors):
        for argument in node.arguments or ():
            if argument.name.value in {"first", "last"}:
                value = value_from_ast_untyped(argument.value, variables)
                if isinstance(value, int):
                    if value > MAX_PAGE_SIZE or value < 0:
                        errors.append(
                            GraphQLError(
                                _("'%(arg)s' must be between 0 and %(max)d.")
                                % {"arg": argument.name.value, "max": MAX_PAGE_SIZE},
                                nodes=[node],
                                extensions={"code": str(ErrorCode.PAGE_SIZE_EXCEEDED)},
                            )
                        )
                    return max(0, min(value, MAX_PAGE_SIZE))
        return DEFAULT_PAGE_SIZE

    def _cost(self, schema, parent_type, selection_set, fragments, variables, errors, seen):
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections or ():
            if isinstance(selection, FieldNode):
                fields = getattr(parent_type, "fields", {})
                definition = fields.get(selection.name.value)
                if definition is None:
                    total += 1
                    continue
                child_type = get_named_type(definition.type)
                multiplier = 1
                if "first" in definition.args:
                    multiplier = self._page_size(selection, variables, errors)
                children = self._cost(
                    schema, child_type, selection.selection_set, fragments, variables, errors, seen
                )
                total += 1 + multiplier * children
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = schema.get_type(condition.name.value) if condition else parent_type
                total += self._cost(schema, target or parent_type, selection.selection_set, fragments, variables, errors, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is None or name in seen:
                    continue
                target = schema.get_type(fragment.type_condition.name.value) or parent_type
                total += self._cost(
                    schema, target, fragment.selection_set, fragments, variables, errors, seen | {name}
                )
        return total


def _unstorable(text: str) -> bool:
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


class _StringLiterals(Visitor):
    def __init__(self):
        super().__init__()
        self.found = []

    def enter_string_value(self, node: StringValueNode, *args):
        self.found.append(node.value)


@lru_cache(maxsize=CACHE_SIZE)
def _unstorable_literal(query: str) -> bool:
    """
    Whether a string literal of the document ``query`` is unstorable. Remembered per
    document like its parse and validation: walking the whole document costs more than
    the check itself, on every request that repeats it. Parsed again here, once per
    document; it parsed already, within the token limit.
    """
    literals = _StringLiterals()
    visit(parse(query, no_location=True), literals)
    return any(_unstorable(text) for text in literals.found)


class UnstorableText(SchemaExtension):
    """Refuses NUL bytes and lone surrogates in string literals and variables, before any SQL."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and not context.pre_execution_errors:
            if _unstorable_literal(context.query) or any(_unstorable(text) for text in _strings(context.variables or {})):
                context.pre_execution_errors = [
                    GraphQLError(
                        _("Text arguments must not contain NUL characters or unpaired surrogates."),
                        extensions={"code": str(ErrorCode.BAD_USER_INPUT)},
                    )
                ]
        yield


def limit_extensions():
    """Extension factories in the order they must run (the cost check after validation)."""
    return [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: AddValidationRules(list(LIMIT_RULES)),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
        UnstorableText,
        QueryCostLimiter,
    ]
