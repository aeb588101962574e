#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// Why a key's last check ended as it did, as facts: what kind of answer it was and what came with it (status,
// the provider's error type and own words, its request id, when to ask again). The ledger stores the facts;
// the words floor tells them in the user's language when they are shown (KeySentences::verdict), so that a
// German window never shows an English sentence from the ledger.
struct KeyVerdict
{
    enum class Code
    {
        None,          // accepted, or nothing to say
        NotChecked,    // stored without a check yet
        Rejected,      // 401 / 403
        OutOfBudget,   // the account cannot spend
        Throttled,     // 429 with a time to ask again
        Limited,       // 429 without one
        Overloaded,    // 529
        ServerTrouble, // 5xx
        OtherAnswer,   // any other status
        NotAModelList, // 200, but not the list asked for
        NoPermission,  // a usage key: 403, the key is known but may not read the usage reports
        NotAReport,    // a usage key: 200, but not the usage report asked for
        TimedOut,      // no answer within the bound
        Unreachable,   // no HTTP answer at all (DNS, refused, TLS, proxy)
        NotInKeychain, // the ledger knows a key the keychain no longer holds
        UnusedByPlan,  // a tenant key the plan does not allow (computed, never stored)
        Worded,        // a sentence from before verdicts were facts that no pattern reads: shown as it was
    };

    Code code = Code::None;
    int status = 0;                  // the HTTP status, when there was one
    QString errorType;               // the provider's error type ("authentication_error"), when given
    QString said;                    // the provider's own words (scrubbed of anything key-like), or Qt's
                                     // network error for Unreachable; never translated
    QString requestId;               // the provider's id for the request, when given
    std::optional<int> retrySeconds; // Throttled: when the provider said to ask again
    int timeoutMs = 0;               // TimedOut: the bound that passed
    QString plan;                    // UnusedByPlan: the plan in force
    QString text;                    // Worded: the old sentence

    bool isEmpty() const { return code == Code::None; }
    // A verdict that is its code alone ("not checked yet").
    static KeyVerdict of(Code code)
    {
        KeyVerdict v;
        v.code = code;
        return v;
    }

    // The facts as the ledger keeps them: compact JSON ({"code":"rejected","status":401,…}); empty for None.
    QString toStored() const;
    QJsonObject toJson() const;
    // What the ledger kept: the JSON facts, or a sentence written before verdicts were facts, read back into
    // facts by its pattern where one matches (Worded otherwise).
    static KeyVerdict fromStored(const QString& stored);
};
