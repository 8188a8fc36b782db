from marshmallow import Schema, fields, validate


class CompanySchema(Schema):
    id = fields.Int(dump_only=True)
    external_id = fields.Str(allow_none=True, dump_only=True)
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
    verified = fields.Bool(dump_only=True)
    profile_url = fields.Method("_url", dump_only=True)
    score = fields.Float(dump_only=True, allow_none=True)

    def _url(self, obj):
        return f"/companies/{obj.id}"


class CompanyPatchSchema(Schema):
    """Every field optional; unknown fields are an error."""
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
