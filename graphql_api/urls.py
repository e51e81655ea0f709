from django.urls import path

from graphql_api.views import graphql_view

urlpatterns = [path("", graphql_view, name="graphql")]
