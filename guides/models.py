"""Long-form guides and the FAQ, written in Markdown and rendered once on save."""

from django.db import models
from django.utils import timezone

from certifications.models import Certification
from common.urls import reverse
from roles.models import Role

from .markdown import plain_text, reading_minutes, render


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def visible_to(self, user):
        return self if user.is_staff else self.published()


class Guide(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.TextField()
    body = models.TextField(help_text="Markdown: ## headings, lists, tables, footnotes.")
    body_html = models.TextField(editable=False, blank=True)
    toc = models.JSONField(editable=False, default=list)
    reading_minutes = models.PositiveSmallIntegerField(editable=False, default=1)
    roles = models.ManyToManyField(Role, blank=True, related_name="guides")
    certifications = models.ManyToManyField(Certification, blank=True, related_name="guides")
    published = models.BooleanField(default=False)
    updated = models.DateField(default=timezone.localdate, help_text="Shown to readers.")
    modified = models.DateTimeField(auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        rendered = render(self.body)
        self.body_html = rendered.html
        self.toc = rendered.toc
        self.reading_minutes = reading_minutes(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("guides:detail", args=[self.slug])


class FAQCategory(models.TextChoices):
    THE_ROLE = "the-role", "The role"
    LEADERSHIP = "leadership", "Working with leadership"
    SKILLS_EDUCATION = "skills-education", "Skills and education"
    CERTIFICATIONS = "certifications", "Certifications"
    PAY_OUTLOOK = "pay-outlook", "Pay and outlook"
    JOB_SEARCH = "job-search", "Job search"


# The FAQ's order, wherever questions are listed: categories as FAQCategory lists them (the
# editors' order), then each question's position within its category.
CATEGORY_RANK = models.Case(
    *(models.When(category=value, then=models.Value(i)) for i, value in enumerate(FAQCategory)),
    default=models.Value(len(FAQCategory)),
    output_field=models.IntegerField(),
)
FAQ_ORDER = ("category_rank", "order", "question", "pk")


class FAQQuerySet(PublishedQuerySet):
    def in_faq_order(self):
        """In the FAQ's order, each with its `category_rank` (for comparing positions)."""
        return self.annotate(category_rank=CATEGORY_RANK).order_by(*FAQ_ORDER)


class FAQ(models.Model):
    question = models.CharField(max_length=250)
    slug = models.SlugField(
        max_length=120, unique=True, help_text="The question's anchor on /faq/."
    )
    answer = models.TextField(help_text="Markdown, 40–150 words.")
    answer_html = models.TextField(editable=False, blank=True)
    answer_text = models.TextField(
        editable=False, blank=True, help_text="The answer as a reader sees it, for filtering."
    )
    category = models.CharField(max_length=20, choices=FAQCategory.choices)
    order = models.PositiveSmallIntegerField(default=1, help_text="Position within its category.")
    roles = models.ManyToManyField(Role, blank=True, related_name="faqs")
    guides = models.ManyToManyField(Guide, blank=True, related_name="faqs")
    published = models.BooleanField(default=False)
    modified = models.DateTimeField(auto_now=True)

    objects = FAQQuerySet.as_manager()

    class Meta:
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"
        ordering = [CATEGORY_RANK.asc(), "order", "question", "pk"]

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        self.answer_html = render(self.answer).html
        self.answer_text = plain_text(self.answer_html)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # A question's own address, which finds its page of the FAQ however the list grows.
        return reverse("guides:faq-question", args=[self.slug])
