"""Staff page of the lexicon gaps: words nobody's concept knows, linked to a concept or made one."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import staff_required
from ..forms import save_or_show
from . import services
from .current import current_lexicon
from .forms import ConceptForm, LinkForm

bp = Blueprint("lexicon", __name__, url_prefix="/staff/lexicon")


def _lang() -> str:
    return str(get_locale() or "en")


def _concept_form(form: ConceptForm | None = None) -> ConceptForm:
    form = form or ConceptForm(formdata=None)
    lexicon, lang = current_lexicon(), _lang()
    form.group.choices = [("", "—")] + sorted(
        ((g, lexicon.group_name(g, lang)) for g in lexicon.groups), key=lambda x: x[1]
    )
    return form


def _page(concept_form: ConceptForm | None = None, status: int = 200):
    return render_template(
        "lexicon/gaps.html",
        gaps=services.gaps(_lang()),
        link_form=LinkForm(formdata=None),
        concept_form=_concept_form(concept_form),
    ), status


@bp.get("")
@staff_required
def gaps():
    return _page()


@bp.post("/link")
@staff_required
def link():
    form = LinkForm()
    if form.validate_on_submit():
        err = save_or_show(
            form,
            lambda: _linked(
                services.link_word(form.word.data, form.concept.data.strip(), form.lang.data, current_user.id)
            ),
        )
        if err is None:
            return redirect(url_for("lexicon.gaps"))
    for field, messages in form.errors.items():
        for m in messages:
            flash(f"{form[field].label.text if field in form else field}: {m}", "error")
    return redirect(url_for("lexicon.gaps"))


def _linked(firms: int) -> None:
    flash(_("Linked. Suggestions refreshed; the word appears in %(n)d firms.", n=firms), "success")


@bp.post("/concepts")
@staff_required
def create_concept():
    form = _concept_form(ConceptForm())
    if form.validate_on_submit():
        names = {"az": form.names_az.data, "ru": form.names_ru.data, "en": form.names_en.data}
        err = save_or_show(
            form,
            lambda: _created(
                services.create_concept(
                    form.concept.data,
                    names,
                    form.hs.data,
                    form.group.data,
                    form.broader.data,
                    current_user.id,
                )
            ),
        )
        if err is None:
            return redirect(url_for("lexicon.gaps"))
    return _page(form, 422)


def _created(firms: int) -> None:
    flash(_("Concept created. Suggestions refreshed; its names appear in %(n)d firms.", n=firms), "success")


@bp.get("/concepts.json")
@staff_required
def concept_search():
    """Concepts for the link field's list: id and name in the reader's language."""
    q = request.args.get("q", "")[:100].strip().lower()
    lexicon, lang = current_lexicon(), _lang()
    out = [
        {"id": cid, "name": c.name(lang)}
        for cid, c in lexicon.concepts.items()
        if not q or q in cid or q in c.name(lang).lower()
    ]
    return {"items": out[:30]}
