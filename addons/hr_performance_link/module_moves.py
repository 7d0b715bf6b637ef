# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What moved out of hr_performance_link in 18.0.2.0.0, read from the source
of the addons it moved to, and the module move of an existing database.

Until 18.0.2.0.0 hr_performance_link held objectives and ratings, check-ins and
360° feedback, review cycles and the talent review; they now live in
``SPLIT_ADDONS``. An existing database keeps its records when the external ids
of what moved (models, fields, selection values, SQL constraints, many2many
relations, access rows, rules, views, actions, menus, data and demo records)
are given to the new addon before hr_performance_link is updated: otherwise
the update would delete them as records hr_performance_link no longer
declares. This is what OpenUpgrade's ``update_module_moved_models`` and
``update_module_moved_fields`` do, for every name the new addons declare
(not only what a given release had: later databases hold more).

The lists are not kept by hand: ``declared()`` reads each new addon's Python
classes and data files, and each new addon's ``test_module_move`` checks that
every external id it owns on a fresh install is one ``declared()`` names.
Translations need no move in Odoo 18: they live on the records themselves.
"""

import ast
import csv
import os

from lxml import etree

from odoo.modules.module import get_manifest, get_module_path
from odoo.tools import SQL

SOURCE = "hr_performance_link"
# in dependency order: each one depends on the one before it
SPLIT_ADDONS = (
    "hr_performance_objective",
    "hr_performance_feedback",
    "hr_review_cycle",
    "hr_talent_review",
)
XML_TAGS = ("record", "menuitem", "template")


def _str_value(node):
    return node.value if isinstance(node, ast.Constant) else None


def _classes(path):
    """``(name, inherit, table, fields, sql constraint keys)`` of each Odoo
    model class of the Python files under ``path`` (tests and migrations
    excluded)."""
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if d not in ("tests", "migrations", "static")]
        for filename in sorted(files):
            if not filename.endswith(".py"):
                continue
            with open(os.path.join(root, filename), encoding="utf-8") as source:
                tree = ast.parse(source.read())
            for node in ast.walk(tree):
                if not isinstance(node, ast.ClassDef):
                    continue
                attrs, fields, keys = {}, [], []
                for stmt in node.body:
                    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
                        continue
                    target = stmt.targets[0]
                    if not isinstance(target, ast.Name):
                        continue
                    value = stmt.value
                    if target.id in ("_name", "_inherit", "_table"):
                        attrs[target.id] = _str_value(value)
                    elif target.id == "_sql_constraints" and isinstance(
                        value, ast.List
                    ):
                        keys += [_str_value(elt.elts[0]) for elt in value.elts]
                    elif (
                        isinstance(value, ast.Call)
                        and isinstance(value.func, ast.Attribute)
                        and isinstance(value.func.value, ast.Name)
                        and value.func.value.id == "fields"
                    ):
                        fields.append(target.id)
                if attrs.get("_name") or attrs.get("_inherit"):
                    yield (
                        attrs.get("_name"),
                        attrs.get("_inherit"),
                        attrs.get("_table"),
                        fields,
                        keys,
                    )


def declared(addon):
    """What ``addon`` declares, from its source: ``{'models': {model},
    'extends': {model} (models of others it adds fields to), 'fields':
    {(model, field)} (those fields), 'constraints': {constraint name},
    'xmlids': {name}}``."""
    path = get_module_path(addon)
    result = {
        "models": set(),
        "extends": set(),
        "fields": set(),
        "constraints": set(),
        "xmlids": set(),
    }
    for name, inherit, table, fields, keys in _classes(path):
        model = name or inherit
        if name:
            result["models"].add(name)
        else:
            result["extends"].add(model)
            result["fields"].update((model, field) for field in fields)
        table = table or model.replace(".", "_")
        result["constraints"].update(f"{table}_{key}" for key in keys)
    manifest = get_manifest(addon)
    for data_file in manifest.get("data", []) + manifest.get("demo", []):
        full = os.path.join(path, data_file)
        if data_file.endswith(".csv"):
            with open(full, encoding="utf-8") as rows:
                result["xmlids"].update(row["id"] for row in csv.DictReader(rows))
            continue
        if not data_file.endswith(".xml"):
            continue
        for element in etree.parse(full).iter(*XML_TAGS):
            xmlid = element.get("id")
            if not xmlid:
                continue
            if "." in xmlid:
                module, xmlid = xmlid.split(".", 1)
                if module != addon:
                    continue  # a record of another module, extended here
            result["xmlids"].add(xmlid)
            if element.tag == "record" and element.get("model") == "ir.cron":
                # the server action under each cron (_inherits) has its own
                result["xmlids"].add(f"{xmlid}_ir_actions_server")
    return result


def model_xmlid(model):
    return "model_" + model.replace(".", "_")


def move(cr, addon):
    """Give ``addon`` the external ids, SQL constraints and relations that
    hr_performance_link holds for what ``addon`` declares now. One statement
    per kind of row; rows already moved are not touched again."""
    names = declared(addon)
    models = sorted(names["models"])
    fields = sorted(f"{model}.{field}" for model, field in names["fields"])
    xmlids = sorted(names["xmlids"] | {model_xmlid(m) for m in models})
    cr.execute(
        SQL(
            "UPDATE ir_model_data SET module = %s WHERE module = %s AND name IN %s",
            addon,
            SOURCE,
            tuple(xmlids) or ("",),
        )
    )
    moved = cr.rowcount
    # fields of the moved models, and the fields the addon adds to others
    field_match = SQL(
        "(f.model IN %s OR f.model || '.' || f.name IN %s)",
        tuple(models) or ("",),
        tuple(fields) or ("",),
    )
    cr.execute(
        SQL(
            "UPDATE ir_model_data d SET module = %s FROM ir_model_fields f "
            "WHERE d.module = %s AND d.model = 'ir.model.fields' "
            "AND d.res_id = f.id AND %s",
            addon,
            SOURCE,
            field_match,
        )
    )
    moved += cr.rowcount
    cr.execute(
        SQL(
            "UPDATE ir_model_data d SET module = %s "
            "FROM ir_model_fields_selection s JOIN ir_model_fields f "
            "ON f.id = s.field_id "
            "WHERE d.module = %s AND d.model = 'ir.model.fields.selection' "
            "AND d.res_id = s.id AND %s",
            addon,
            SOURCE,
            field_match,
        )
    )
    moved += cr.rowcount
    # the inheritance rows of the moved models (ir.model.inherit)
    cr.execute(
        SQL(
            "UPDATE ir_model_data d SET module = %s "
            "FROM ir_model_inherit i JOIN ir_model m ON m.id = i.model_id "
            "WHERE d.module = %s AND d.model = 'ir.model.inherit' "
            "AND d.res_id = i.id AND m.model IN %s",
            addon,
            SOURCE,
            tuple(models) or ("",),
        )
    )
    moved += cr.rowcount
    cr.execute(
        SQL("SELECT id, name FROM ir_module_module WHERE name IN %s", (SOURCE, addon))
    )
    module_ids = {name: module_id for module_id, name in cr.fetchall()}
    # SQL constraints: of the moved models, and those declared by name
    cr.execute(
        SQL(
            "UPDATE ir_model_constraint c SET module = %s FROM ir_model m "
            "WHERE c.module = %s AND c.model = m.id "
            "AND (m.model IN %s OR c.name IN %s)",
            module_ids[addon],
            module_ids[SOURCE],
            tuple(models) or ("",),
            tuple(names["constraints"]) or ("",),
        )
    )
    cr.execute(
        SQL(
            "UPDATE ir_model_data SET module = %s WHERE module = %s "
            "AND model = 'ir.model.constraint' AND name IN %s",
            addon,
            SOURCE,
            tuple(f"constraint_{name}" for name in names["constraints"]) or ("",),
        )
    )
    moved += cr.rowcount
    cr.execute(
        SQL(
            "UPDATE ir_model_data d SET module = %s FROM ir_model_constraint c "
            "WHERE d.module = %s AND d.model = 'ir.model.constraint' "
            "AND d.res_id = c.id AND c.module = %s",
            addon,
            SOURCE,
            module_ids[addon],
        )
    )
    moved += cr.rowcount
    # many2many tables: of the moved models, and of the fields added to others
    cr.execute(
        SQL(
            "UPDATE ir_model_relation r SET module = %s FROM ir_model m "
            "WHERE r.module = %s AND r.model = m.id AND (m.model IN %s OR r.name IN "
            "(SELECT f.relation_table FROM ir_model_fields f WHERE %s "
            "AND f.relation_table IS NOT NULL))",
            module_ids[addon],
            module_ids[SOURCE],
            tuple(models) or ("",),
            field_match,
        )
    )
    return moved


def is_declared(names, data):
    """Whether the ``ir.model.data`` row ``data`` of the addon is one that
    ``move()`` gives it (``names``: ``declared(addon)``)."""
    env = data.env
    if data.name in names["xmlids"]:
        return True
    if data.model == "ir.model":
        # the row of a model the addon only extends is its own, created on
        # install: hr_performance_link keeps its row of that model
        model = env["ir.model"].browse(data.res_id).model
        return model in names["models"] or model in names["extends"]
    if data.model == "ir.model.inherit":
        inherit = env["ir.model.inherit"].browse(data.res_id)
        return inherit.model_id.model in names["models"]
    field = False
    if data.model == "ir.model.fields":
        field = env["ir.model.fields"].browse(data.res_id)
    elif data.model == "ir.model.fields.selection":
        field = env["ir.model.fields.selection"].browse(data.res_id).field_id
    if field:
        return (
            field.model in names["models"]
            or (field.model, field.name) in names["fields"]
        )
    if data.model == "ir.model.constraint":
        constraint = env["ir.model.constraint"].browse(data.res_id)
        return (
            constraint.name in names["constraints"]
            or constraint.model.model in names["models"]
        )
    return False
