"""
strawberry-django's optimizer, run once per operation instead of once per field.

``DjangoOptimizerExtension`` has two ways in: ``on_execute`` makes it the optimizer of
the operation, which every strawberry-django field asks for the querysets it resolves
(lists, connections, relations: ``StrawberryDjangoField.get_queryset``); and a
``resolve`` hook, which graphql-core wraps around every field of every answer to catch
a queryset that a plain ``strawberry.field`` returns. Ours return none (a plain field
returns objects or lists), so the hook only costs: one extra call per field, about 250
for a page of 20 guides. Without it strawberry also runs no middleware at all.
"""

from strawberry.extensions import SchemaExtension
from strawberry_django.optimizer import DjangoOptimizerExtension


class QueryOptimizer(DjangoOptimizerExtension):
    """The optimizer of strawberry-django fields, without the per-field hook."""

    resolve = SchemaExtension.resolve
