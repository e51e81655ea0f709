from django.urls import path

from freshness import views
from freshness.feedback import views as feedback

app_name = "freshness"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("review/page/<int:page_id>/", views.review_page, name="review_page"),
    path("review/place/<int:place_id>/", views.review_place, name="review_place"),
    path("feedback/<int:feedback_id>/resolve/", feedback.resolve, name="resolve_feedback"),
]
