from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField

from ..forms import length, optional, required

LANG_CHOICES = [("az", _l("Azerbaijani")), ("ru", _l("Russian")), ("en", _l("English"))]


class LinkForm(FlaskForm):
    """A word of the gaps becomes a lemma of an existing concept."""

    word = HiddenField(validators=[required(), length(200)])
    concept = StringField(_l("Concept"), validators=[required(), length(64)])
    lang = SelectField(_l("Language of the word"), choices=LANG_CHOICES)


class ConceptForm(FlaskForm):
    """A new concept, with its names in the three languages."""

    concept = StringField(_l("Concept id"), validators=[required(), length(64)])
    names_az = StringField(_l("Names in Azerbaijani"), validators=[optional(), length(1000)])
    names_ru = StringField(_l("Names in Russian"), validators=[optional(), length(1000)])
    names_en = StringField(_l("Names in English"), validators=[optional(), length(1000)])
    hs = StringField(_l("HS code"), validators=[optional(), length(16)])
    group = SelectField(_l("Product group"), choices=[], validate_choice=False)
    broader = StringField(_l("Broader concept"), validators=[optional(), length(64)])
