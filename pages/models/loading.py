"""Page instances made from a database row without the constructors' work for new pages."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init
from wagtail.models import Page


class LoadedFromRow:
    """
    ``from_db`` for our page types: a row from the database becomes an instance the way
    Django's ``Model.__init__`` makes one from positional values (each loaded column set
    through its descriptor, then ``post_init``), without the constructors above it that
    only matter for new pages. modelcluster's ``ClusterableModel.__init__`` lists the
    model's child relations twice (all of its fields, walked) to look for them among the
    keyword arguments, which a row never has (Wagtail's ``Page.__init__`` is kept: it is
    three lines); and Django's own ``from_db``
    walks every concrete field (37 for a guide) to mark the columns ``.only()`` left out.
    For a list of 20 guides that was about a tenth of the request's Python work.

    A model that defines its own ``__init__``, or a ``pre_init`` receiver, gets Django's
    way: their code runs as before.
    """

    @classmethod
    def from_db(cls, db, field_names, values):
        if cls.__init__ is not Page.__init__ or pre_init.has_listeners(cls):
            return super().from_db(db, field_names, values)
        instance = cls.__new__(cls)
        state = instance._state = ModelState()
        for name, value in zip(field_names, values, strict=True):
            setattr(instance, name, value)
        post_init.send(sender=cls, instance=instance)
        # What Page.__init__ does after the others; reading the id also fills it in from
        # the parent link when ``.only()`` left it out, as there.
        if not instance.id and not instance.content_type_id:
            instance.content_type = ContentType.objects.get_for_model(instance)
        state.adding = False
        state.db = db
        return instance
