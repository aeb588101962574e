#pragma once

#include "model/UsageEvent.h"
#include "rules/BillingPeriod.h"
#include "rules/Catalog.h"
#include "rules/CreditRules.h"
#include "rules/KeyState.h"
#include "support/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

// The usage book's values: reports, days, rate-limit standing, costs, recording and import.
struct ActionUsage
{
    QString action;
    qint64 runs = 0;
    qint64 credits = 0;
    qint64 byokRuns = 0;
};

struct UsageReport
{
    BillingPeriod period;
    QString timeZone;
    const Plan* plan = nullptr;     // the plan whose allocation holds (PlanHistory::inForce)
    const Plan* nextPlan = nullptr; // the running period only: a downgrade that takes effect at the next period
    bool finished = false;          // the period ended before now: it is told in the past tense
    bool upcoming = false;          // the period starts after now
    std::optional<QString> tenant;  // nullopt: the whole install
    qint64 used = 0;                // credits used by the selection
    qint64 poolUsed = 0;            // credits used by the whole install (the pool)
    qint64 allocation = 0;
    qint64 remaining = 0;          // of the pool
    QVector<ActionUsage> byAction; // every catalog action, in catalog order
    int alertLevel = 0;            // of the pool: 0, 80, 90 or 100 (CreditRules::alertLevel)
    // The running period only: the selection's daily rate, and when the pool runs out at the whole install's
    // pace (the pool is shared, so a tenant's share runs out when the pool does).
    std::optional<CreditRules::Forecast> forecast;
    // The running period only: a change of the billing calendar waiting for the reset, and the first period it
    // makes (from the reset to the first new anchor day).
    std::optional<CalendarChange> nextCalendar;
    std::optional<BillingPeriod> nextCalendarPeriod;
};

// What choosing another model for a slot would have done over the last days (Ledger::previewSlotModel): the
// slot's runs then, at the model now and at the one chosen, and the forecast at that pace beside today's.
struct ModelChangePreview
{
    const Slot* slot = nullptr;
    const Model* current = nullptr;
    const Model* next = nullptr;
    const ModelPrice* currentPrice = nullptr; // the list prices in force today; null: unknown
    const ModelPrice* nextPrice = nullptr;
    CreditRules::ModelChange change;
    std::optional<qint64> runsOutAtNow; // the forecast as it stands; nullopt: the credits last until the reset
    qint64 remaining = 0;               // credits left in the running period, of the pool
    qint64 resetsAt = 0;
    QString timeZone;
    // The slot's runs on the install's and tenants' keys in dollars, estimated from the tokens the provider's
    // report counted on those keys for the current model, per run the ledger recorded on it over the same days
    // (SpendBooks::estimate); nullopt when the reports hold no such usage.
    struct DollarEstimate
    {
        QDate first; // the days the tokens were counted on (UTC)
        QDate last;
        qint64 slotRuns = 0;             // the slot's BYOK runs on those days
        qint64 modelRuns = 0;            // every BYOK run on the current model on those days, whose tokens were counted
        CreditRules::TokenCounts tokens; // counted for those runs
        std::optional<qint64> atCurrent; // micro-dollars; nullopt: the model's price is unknown
        std::optional<qint64> atNext;
        bool acrossGenerations = false; // the models' tokenizers may count the same text differently
    };
    std::optional<DollarEstimate> byokDollars;
};

struct DayUsage
{
    QDate day; // local date in the install's zone
    qint64 runs = 0;
    qint64 credits = 0;
    qint64 byokRuns = 0;
};

// Where one kind of billing stands in the rolling rate-limit window.
struct RateStanding
{
    int limit = 0;
    int used = 0;
    qint64 nextFreeAt = 0; // when the oldest query in the window leaves it; 0 when none is in it
};

struct RateLimits
{
    RateStanding onCredits;
    RateStanding onByok;
};

// What one run of an action costs now for an install or tenant: its base times the multiplier of the model
// chosen for its slot, or nothing while an active key of its provider is in force.
struct ActionCost
{
    const Action* action = nullptr;
    const Model* model = nullptr; // the slot's model; null for actions without a slot
    int credits = 0;              // on credits
    bool coveredByKey = false;    // an active key is in force: a run costs 0 credits
    QString refusedBecause;       // the key in force stops the action: "the Anthropic key is invalid"
};

struct RecordRequest
{
    QString action;
    QString tenant;
    std::optional<qint64> at; // default: now
    QString id;               // default: a new UUID
    // The id was made for this request just now, so no stored event can have it and it is not looked up; a
    // retry of the request (after a lost connection, when the first try may have been committed) clears it.
    bool newId = false;
};

struct RecordOutcome
{
    UsageEvent event;
    bool alreadyRecorded = false; // the id was recorded before; nothing was charged again
    KeySource source = KeySource::Credits;
    BillingPeriod period;
    qint64 allocation = 0;
    qint64 remaining = 0; // of the pool, once recorded
};

struct ImportSummary
{
    int rows = 0;
    int added = 0;
    int alreadyPresent = 0;
    qint64 credits = 0; // credits of the added rows
    QStringList tenantsCreated;
    QString source; // the file's name, for the audit trail; empty when the rows came from elsewhere

    // What happened, in a sentence or two, for the command line and the window alike.
    QString describe(bool dryRun) const;
};
