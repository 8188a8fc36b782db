from marshmallow import Schema, fields, validate


class CompanyFieldsSchema(Schema):
    """The fields a firm edits: every one optional in a PATCH; unknown fields are an error."""

    name = fields.Str()
    country = fields.Str()
    city = fields.Str()
    sectors = fields.List(fields.Str())
    offers = fields.List(fields.Str())
    needs = fields.List(fields.Str())
    languages = fields.List(fields.Str())
    website = fields.Str()
    email = fields.Str()
    phone = fields.Str()
    description = fields.Str()
    size_band = fields.Str(allow_none=True)
    year_founded = fields.Int(allow_none=True)


class CompanyPatchSchema(CompanyFieldsSchema):
    pass


class CompanySchema(CompanyFieldsSchema):
    id = fields.Int(dump_only=True)
    external_id = fields.Str(allow_none=True, dump_only=True)
    verified = fields.Bool(dump_only=True)
    profile_url = fields.Method("_url", dump_only=True)

    def _url(self, obj):
        return f"/companies/{obj.id}"


class CompanyListArgs(Schema):
    q = fields.Str(load_default="", validate=validate.Length(max=200))
    country = fields.Str(load_default="", validate=validate.OneOf(["", "AZ", "RU"]))
    sector = fields.Str(load_default="", validate=validate.Length(max=8))
    city = fields.Str(load_default="", validate=validate.Length(max=100))
    verified = fields.Bool(load_default=False)
    page = fields.Int(load_default=1, validate=validate.Range(min=1, max=10**9))
    per_page = fields.Int(load_default=20, validate=validate.Range(min=1, max=100))


class CompanyPageSchema(Schema):
    items = fields.List(fields.Nested(CompanySchema))
    total = fields.Int()
    page = fields.Int()
    per_page = fields.Int()
