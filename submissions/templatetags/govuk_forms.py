"""Render Django form fields with the GOV.UK Design System patterns.

{% govuk_field form.email %} picks the component for the widget (text input, textarea, select,
radios, checkboxes, a single checkbox) and passes it flat variables: id, name, label, hint,
errors, optional and the rendered input with its aria-describedby. Reusable by any form.
"""

from django import forms, template

register = template.Library()


def field_kind(bound_field) -> str:
    """The component that draws a field, from what its widget is rather than its class tree.

    Django's `CheckboxSelectMultiple` subclasses `RadioSelect`, so matching by class would draw
    a multiple choice as radios: a list of options is "checkboxes" when its widget allows many
    answers, "radios" when it allows one.
    """
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect):  # CheckboxSelectMultiple too
        return "checkboxes" if widget.allow_multiple_selected else "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


@register.inclusion_tag("components/forms/field.html")
def govuk_field(bound_field, label_class="", legend_class=""):
    kind = field_kind(bound_field)
    field_id = bound_field.auto_id
    hint_id = f"{field_id}-hint" if bound_field.help_text else ""
    error_id = f"{field_id}-error" if bound_field.errors else ""
    described_by = " ".join(filter(None, [hint_id, error_id]))
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = described_by
    css = [bound_field.field.widget.attrs.get("class", "")]
    if kind in ("input", "textarea", "select"):
        css.insert(0, {"input": "input", "textarea": "textarea", "select": "select"}[kind])
        if bound_field.errors:
            css.append(f"{kind}--error" if kind != "input" else "input--error")
    if kind == "checkbox":
        css.insert(0, "checkboxes__input")
    attrs["class"] = " ".join(filter(None, css))
    value = bound_field.value()
    if kind in ("radios", "checkboxes"):
        selected = {str(v) for v in (value if isinstance(value, list | tuple) else [value])}
        options = [
            {
                "id": field_id if index == 0 else f"{field_id}-{index}",
                "value": str(key),
                "label": label,
                "checked": str(key) in selected,
            }
            for index, (key, label) in enumerate(bound_field.field.choices)
            if key != ""
        ]
    else:
        options = []
    return {
        "kind": kind,
        "field": bound_field,
        "id": field_id,
        "name": bound_field.html_name,
        "label": bound_field.label,
        "hint": bound_field.help_text,
        "hint_id": hint_id,
        "errors": bound_field.errors,
        "error_id": error_id,
        "described_by": described_by,
        "optional": not bound_field.field.required,
        "label_class": label_class,
        "legend_class": legend_class,
        "widget": "" if options else bound_field.as_widget(attrs=attrs),
        "options": options,
    }


@register.inclusion_tag("components/forms/error_summary.html")
def govuk_error_summary(form, title="There is a problem"):
    return {"errors": form.error_list() if form.errors else [], "title": title}
