# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""pytest-odoo runs these suite-level tests in an already installed database.

Odoo's test framework logs an ERROR when it is imported outside test mode;
pytest-odoo only switches test mode on once the modules are imported, so switch
it on before collection. Loading the registry installs nothing, hence runs no
Odoo test by itself.
"""

import odoo

odoo.tools.config["test_enable"] = True
