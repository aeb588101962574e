#pragma once

#include "rules/BillingPeriod.h"
#include "rules/Catalog.h"
#include "rules/PlanHistory.h"
#include "rules/Roles.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>

// The install's settings as the rules use them.
struct LedgerSettings
{
    const Plan* plan = nullptr;               // the plan chosen last
    const Plan* planNow = nullptr;            // the plan in force now (PlanHistory): what the rules follow today
    QVector<PlanHistory::Change> planChanges; // every change of plan, oldest first
    QHash<QString, QString> slotModels;       // slot id -> model id
    int anchorDay = 1;                        // the billing calendar chosen last (in force now, or pending)
    QString timeZone = QStringLiteral("UTC");
    int firstAnchorDay = 1; // the calendar before the first dated change
    QString firstTimeZone = QStringLiteral("UTC");
    QVector<CalendarChange> calendarChanges;  // every dated change of calendar, oldest first
    QString installId;                        // names this database's keychain entries
    QHash<QString, QString> providerBaseUrls; // provider id -> configured base URL; empty: the public API
};

// The plan whose allocation holds in `period` at `asOf` (clamped to the period), by the settings' plan history.
PlanHistory::InForce planInForce(const Catalog& catalog, const LedgerSettings& settings, const BillingPeriod& period,
                                 qint64 asOf);

// How a setting's value is entered: free text, a whole number in a range, or one of a list.
enum class SettingInput
{
    Text,
    Number,
    Choice
};

// One value a choice setting may take, with the text it is shown by and a longer note about it.
struct SettingChoice
{
    QString value;
    QString text;
    QString note;
};

// One stored setting, declared once: its name in the settings table (also the audit subject of a change), the
// value a new ledger starts with, why a value cannot be stored, its label, the activity log's kind it belongs to
// and the role needed to change it, and how it is entered (type, range or choices, the form's label). Reading,
// writing (and its role check), a new ledger's defaults, the audit trail's labels and kinds, the window's form
// fields and who the window lets edit them all go by these declarations.
struct SettingDeclaration
{
    QString name;
    QString initial;           // a new ledger's value; empty: absent until set
    bool emptyRemoves = false; // an empty value removes the setting (back to its built-in default)
    bool writable = true;      // false: set once, when the ledger is created
    std::function<std::optional<QString>(const QString& value)> problem;
    QString label;           // as the activity log and a screen reader name it ("Reset day"), in the user's language
    QString auditKind;       // its kind in the activity log's filter (AuditKind::ids())
    Role role = Role::Admin; // the weakest role that may change it (Owner: only an Owner)

    SettingInput input = SettingInput::Text;
    int minimum = 0; // Number: the values allowed, both included
    int maximum = 0;
    std::function<QVector<SettingChoice>()> choices = {}; // Choice: every value allowed, in the order offered
    QString field = {}; // the form's label for it, with its mnemonic ("Credits reset on &day:")
};

namespace Settings {

QString plan();
QString anchorDay();
QString timeZone();
QString installId();
QString model(const QString& slot);
QString baseUrl(const QString& provider);

// Every setting of a ledger with this catalog, in the order they are listed and audited.
QVector<SettingDeclaration> declarations(const Catalog& catalog);
// The declaration of the setting `name`, or nullopt for a name no setting has.
std::optional<SettingDeclaration> declaration(const Catalog& catalog, const QString& name);
// Whether `role` may change the setting.
bool mayChange(const SettingDeclaration& setting, Role role);
// The values a new ledger starts with.
QList<QPair<QString, QString>> initialValues(const Catalog& catalog);
// How a plan is offered: "Professional (500 credits a month)".
QString planText(const Plan& plan);
// What a model costs beside the standard one ("2× credit cost"); empty at the standard cost.
QString modelCost(const Model& model);
// Micro-dollars as the user reads them: "$3", "$0.30", "$3.75", "$0.000125".
QString dollarText(qint64 microDollars);
// A model's latest list price, or that it is unknown: "List price since 17 Feb 2026, per million tokens: $3
// input, $15 output; the cache: $3.75 to write for five minutes, $6 for an hour, $0.30 to read."
QString priceText(const Model& model);
// How a model is offered: its name, what it is good at and its cost beside the standard one.
QString modelText(const Model& model);

} // namespace Settings
