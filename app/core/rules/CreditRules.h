#pragma once

#include "rules/Catalog.h"
#include "rules/KeyState.h"
#include "support/Result.h"

#include <QVector>

#include <optional>

// The product rules of DESIGN.md §1 as pure functions over plain values: no SQL, no widgets, no clock.
namespace CreditRules {

enum class Billing
{
    Credits,
    Byok
};
QString billingId(Billing billing); // "credits", "byok"
std::optional<Billing> billingFromId(QStringView id);

// base × the multiplier of the slot's model; an action without a slot (image) always costs its base.
int cost(const Action& action, const Model* slotModel);

struct KeyChoice
{
    KeySource source = KeySource::Credits;
    KeyState state = KeyState::NotSet; // state of the chosen key; NotSet when on credits
    bool tenantKeyIgnored = false;     // the tenant has a key the plan does not allow to be used
};

// Tenant key if the plan allows tenant keys and the tenant has one; else the install key; else credits.
// A stored key counts whatever its last check said: an invalid one is not silently replaced.
KeyChoice chooseKey(bool planAllowsTenantKeys, bool forTenant, KeyState tenantKey, KeyState installKey);

struct RateVerdict
{
    bool allowed = true;
    int limit = 0;
    int used = 0;             // queries of the same billing kind in the window before this one
    qint64 nextAllowedAt = 0; // when refused: the moment the oldest query that blocks leaves the window
};

// Rolling window: `recent` are the times of the tenant's queries of the same billing kind within
// (at - window, at], ascending.
RateVerdict rateLimit(const QVector<qint64>& recent, qint64 at, int limit, int windowMinutes);

struct Request
{
    const Action* action = nullptr;
    const Model* slotModel = nullptr;   // the model of the action's slot, null for actions without a slot
    const Provider* provider = nullptr; // whose key covers the action, for the messages
    KeyChoice key;
    int allocation = 0;
    qint64 poolUsed = 0;    // credits already used in the period, whole install
    qint64 resetsAt = 0;    // end of the period
    QVector<qint64> recent; // see rateLimit(); of the billing kind the key choice implies
    qint64 at = 0;
};

struct Decision
{
    Billing billing = Billing::Credits;
    int credits = 0;
};

Billing billingFor(const KeyChoice& key);

// Refused (Failure::Refused) with the message the user sees, or the billing and the credits to charge.
Result<Decision> decide(const Request& request, const RateLimitRule& rule);

// Why an action covered by a key in `state` is refused, as the sentence `record` answers, or nullopt when the
// key does not stop it (DESIGN.md §1: an invalid or out-of-budget key is not silently replaced by credits).
std::optional<QString> keyRefusal(KeyState state, const Provider& provider);
// The same, as the few words a cost table shows instead of a price: "the Anthropic key is invalid".
std::optional<QString> keyRefusalShort(KeyState state, const Provider& provider);

// The warning step reached: 0, 80, 90 or 100 (per cent of the allocation used).
int alertLevel(qint64 used, qint64 allocation);

// When the credits run out at the recent pace: the credits used over the last seven days (or over the period so
// far, when it began less than seven days ago), per day, carried forward from `now`. A period less than an hour
// old has no pace yet: its minutes say nothing about a day, so there is no forecast either way (tooEarly).
struct Forecast
{
    double dailyRate = 0;            // credits a day
    std::optional<qint64> runsOutAt; // nullopt: they last until the reset (or, tooEarly, nothing is said)
    bool tooEarly = false;           // the period is younger than forecastMinimumMs
};
constexpr qint64 forecastWindowMs = 7 * 86400000LL;
constexpr qint64 forecastMinimumMs = 3600000;
// `recentCredits` were used between `windowStart` and `now`.
Forecast forecast(qint64 remaining, qint64 recentCredits, qint64 windowStart, qint64 now, qint64 resetsAt);
// The credits the pool will have used by the reset at the forecast's pace (`used` now); nullopt while it is too
// early to say. Not capped at the allocation: an action past it is refused, but the pace says how far past.
std::optional<qint64> usedByReset(qint64 used, const Forecast& forecast, qint64 now, qint64 resetsAt);

// One action's runs over a recent window, for a model change's preview.
struct RecentRuns
{
    const Action* action = nullptr;
    qint64 creditRuns = 0; // runs charged to the credits
    qint64 credits = 0;    // what they were charged (at the models of their day)
    qint64 byokRuns = 0;   // runs on a key: no credits
};

// What choosing `next` for a slot now on `current` would have done to the slot's runs of a recent window, and to
// the forecast: each run on credits costs base × the model's multiplier (cost()), runs on a key cost no credits
// either way. The pace of the credits changes by the difference per day of the window.
struct ModelChange
{
    qint64 days = 0;                 // the window
    qint64 creditRuns = 0;           // the slot's runs on credits in it
    qint64 creditsCharged = 0;       // what they were charged
    qint64 creditsAtCurrent = 0;     // what the same runs cost at the slot's model now
    qint64 creditsAtNext = 0;        // … at the model chosen
    qint64 byokRuns = 0;             // the slot's runs on a key
    std::optional<qint64> runsOutAt; // at the new pace; nullopt: the credits last until the reset (or tooEarly)
    bool tooEarly = false;           // the period is too young for a pace (Forecast::tooEarly)
};
constexpr qint64 modelChangeWindowDays = 30;
// `slotRuns` are the runs of the slot's actions over the last `days`; `pace` the pool's forecast now, with
// `remaining` credits left at `now` and the reset at `resetsAt`.
ModelChange modelChange(const QVector<RecentRuns>& slotRuns, const Model& current, const Model& next, qint64 days,
                        const Forecast& pace, qint64 remaining, qint64 now, qint64 resetsAt);

// The tokens of each kind a provider counts for a model. Anthropic reports the cache's tokens beside the uncached
// input; OpenAI's input includes its cached tokens, which are taken out before pricing: each kind priced once.
struct TokenCounts
{
    qint64 input = 0;
    qint64 cacheWrite5m = 0;
    qint64 cacheWrite1h = 0;
    qint64 cacheRead = 0;
    qint64 output = 0;

    TokenCounts& operator+=(const TokenCounts& o)
    {
        input += o.input;
        cacheWrite5m += o.cacheWrite5m;
        cacheWrite1h += o.cacheWrite1h;
        cacheRead += o.cacheRead;
        output += o.output;
        return *this;
    }
    qint64 total() const { return input + cacheWrite5m + cacheWrite1h + cacheRead + output; }
};
// What `tokens` cost at `price`, in micro-dollars: exact products, rounded once, at the end, half up.
qint64 tokenCost(const TokenCounts& tokens, const ModelPrice& price);

// Events happen between 2000-01-01 and five minutes from now; anything else is bad input (DESIGN.md §1).
constexpr qint64 earliestEventAt = 946684800000; // 2000-01-01T00:00:00Z
constexpr qint64 allowedClockSkew = 5 * 60 * 1000;
// Why an event at `at` cannot have happened, said of "the time …", or nullopt when it can.
std::optional<QString> eventTimeProblem(qint64 at, qint64 now);
// Recording authorises usage as it happens: an event recorded at `at` lies in the running period (which began at
// `runningPeriodStart`) and in the rate limit's window before `now`, or it could slip past the pool of a closed
// period and past the rate limit. Older usage is history, for an import. A whole sentence, or nullopt.
std::optional<QString> recordTimeProblem(qint64 at, qint64 now, qint64 windowMinutes, qint64 runningPeriodStart);

} // namespace CreditRules
