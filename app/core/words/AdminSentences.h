#pragma once

#include "model/Settings.h"
#include "model/Usage.h"
#include "rules/Catalog.h"
#include "rules/Roles.h"

#include <QCoreApplication>
#include <QString>

// What an administrative change says once it is done, and how the settings it changes are told: made once
// for the command line and the window alike, which differ in layout, never in wording.
class AdminSentences
{
    Q_DECLARE_TR_FUNCTIONS(AdminSentences)

public:
    static QString tenantAdded(const QString& id);   // "Added tenant acme."
    static QString tenantRenamed(const QString& id); // "Renamed tenant acme."
    static QString tenantRemoved(const QString& id); // "Removed tenant acme and its keys; its past usage stays …"
    static QString memberSet(const QString& user, Role role); // "alice is now an Admin."
    static QString memberRemoved(const QString& user);        // "Removed alice."
    // "Credits reset on day 1 of each month at 00:00 Europe/London."
    static QString resetRule(int anchorDay, const QString& timeZone);
    // What choosing a billing calendar at `now` does (CalendarChoice): said as a preview before it is made and
    // as its outcome after, for the command line and the window alike.
    static QString calendarChoice(const CalendarChoice& choice, qint64 now, bool done);
    // The plan in force now: "The install is on Business (500 credits a month)." and, while a downgrade waits
    // for the next period, "… until this period ends." (UsageSentences::pendingPlan says what comes then).
    static QString installPlan(const LedgerSettings& settings);
    // Whether the plan lets tenants bring their own keys.
    static QString tenantKeys(const Plan& plan);
    // "Typical month on Business: 5 × theme generation + …."
    static QString typicalMonth(const Plan& plan, const Catalog& catalog);
    // What choosing another model for a slot would have done over the last 30 days (Ledger::previewSlotModel):
    // what a run of each of its actions costs then, its runs on credits at both models, the forecast at that
    // pace beside today's, and its runs on keys, which cost no credits either way.
    static QString modelChange(const ModelChangePreview& preview, const Catalog& catalog);
    // The dollar estimate of the slot's runs on keys (ModelChangePreview::byokDollars), or why there is none.
    static QString byokDollars(const ModelChangePreview& preview, const Provider& provider);
};
