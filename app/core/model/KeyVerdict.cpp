#include "model/KeyVerdict.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

struct CodeName
{
    KeyVerdict::Code code;
    const char* id;
};

const CodeName codeNames[] = {
    {KeyVerdict::Code::NotChecked, "not_checked"},
    {KeyVerdict::Code::Rejected, "rejected"},
    {KeyVerdict::Code::OutOfBudget, "out_of_budget"},
    {KeyVerdict::Code::Throttled, "throttled"},
    {KeyVerdict::Code::Limited, "limited"},
    {KeyVerdict::Code::Overloaded, "overloaded"},
    {KeyVerdict::Code::ServerTrouble, "server_trouble"},
    {KeyVerdict::Code::OtherAnswer, "other_answer"},
    {KeyVerdict::Code::NotAModelList, "not_a_model_list"},
    {KeyVerdict::Code::NoPermission, "no_permission"},
    {KeyVerdict::Code::NotAReport, "not_a_report"},
    {KeyVerdict::Code::TimedOut, "timed_out"},
    {KeyVerdict::Code::Unreachable, "unreachable"},
    {KeyVerdict::Code::UnusedByPlan, "unused_by_plan"},
    {KeyVerdict::Code::NotInKeychain, "not_in_keychain"},
    {KeyVerdict::Code::Worded, "worded"},
};

const char* codeId(KeyVerdict::Code code)
{
    for (const CodeName& c : codeNames)
        if (c.code == code)
            return c.id;
    return nullptr;
}

std::optional<KeyVerdict::Code> codeNamed(const QString& id)
{
    for (const CodeName& c : codeNames)
        if (id == QLatin1String(c.id))
            return c.code;
    return std::nullopt;
}

// The sentences ProviderCheck and KeyService stored before verdicts were facts, one pattern each. The status
// part was "(401)" or "(401, request req_…)"; the provider's words followed ": " when it gave some.
struct OldSentence
{
    KeyVerdict::Code code;
    const char* pattern;
};

#define STATUS_PART R"(\((\d+)(?:, request ([^)]*))?\))"
const OldSentence oldSentences[] = {
    {KeyVerdict::Code::Rejected, "^.+ rejected the key " STATUS_PART "(?:: (.*))?\\.$"},
    {KeyVerdict::Code::OutOfBudget, "^The .+ account behind this key is out of budget " STATUS_PART
                                    "(?:: (.*))?; raise its spend limit or add credit at .+\\.$"},
    {KeyVerdict::Code::Throttled, "^.+ is limiting requests " STATUS_PART "; check again in (\\d+) seconds\\.$"},
    {KeyVerdict::Code::Limited, "^.+ is limiting requests " STATUS_PART " and did not say when to ask again\\.$"},
    {KeyVerdict::Code::Overloaded, "^.+ is overloaded " STATUS_PART "\\.$"},
    {KeyVerdict::Code::ServerTrouble, "^.+ is having trouble " STATUS_PART "\\.$"},
    {KeyVerdict::Code::NotAModelList, "^.+ answered with something that is not a model list\\.$"},
    {KeyVerdict::Code::OtherAnswer, "^.+ answered " STATUS_PART "(?:: (.*))?\\.$"},
    {KeyVerdict::Code::TimedOut, "^.+ did not answer within ([0-9.]+) seconds\\.$"},
    {KeyVerdict::Code::Unreachable, "^.+ could not be reached \\((.*)\\)\\.$"},
    {KeyVerdict::Code::NotChecked, "^Not checked with the provider yet\\.$"},
    {KeyVerdict::Code::NotInKeychain, "^The key is no longer in the keychain; set it again\\.$"},
};
#undef STATUS_PART

KeyVerdict fromOldSentence(const QString& sentence)
{
    for (const OldSentence& old : oldSentences) {
        const QRegularExpression pattern(QString::fromUtf8(old.pattern));
        const auto m = pattern.match(sentence);
        if (!m.hasMatch())
            continue;
        KeyVerdict v;
        v.code = old.code;
        switch (old.code) {
        case KeyVerdict::Code::TimedOut:
            v.timeoutMs = qRound(m.captured(1).toDouble() * 1000);
            break;
        case KeyVerdict::Code::Unreachable:
            v.said = m.captured(1);
            break;
        case KeyVerdict::Code::NotAModelList:
        case KeyVerdict::Code::NotChecked:
        case KeyVerdict::Code::NotInKeychain:
            break;
        default:
            v.status = m.captured(1).toInt();
            v.requestId = m.captured(2);
            if (old.code == KeyVerdict::Code::Throttled)
                v.retrySeconds = m.captured(3).toInt();
            else
                v.said = m.captured(3);
        }
        return v;
    }
    KeyVerdict v;
    v.code = KeyVerdict::Code::Worded;
    v.text = sentence;
    return v;
}

} // namespace

QString KeyVerdict::toStored() const
{
    if (code == Code::None)
        return {};
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

QJsonObject KeyVerdict::toJson() const
{
    QJsonObject o;
    if (const char* id = codeId(code))
        o.insert(QStringLiteral("code"), QLatin1String(id));
    if (status)
        o.insert(QStringLiteral("status"), status);
    if (!errorType.isEmpty())
        o.insert(QStringLiteral("type"), errorType);
    if (!said.isEmpty())
        o.insert(QStringLiteral("said"), said);
    if (!requestId.isEmpty())
        o.insert(QStringLiteral("request"), requestId);
    if (retrySeconds)
        o.insert(QStringLiteral("retry"), *retrySeconds);
    if (timeoutMs)
        o.insert(QStringLiteral("timeout_ms"), timeoutMs);
    if (!plan.isEmpty())
        o.insert(QStringLiteral("plan"), plan);
    if (!text.isEmpty())
        o.insert(QStringLiteral("text"), text);
    return o;
}

KeyVerdict KeyVerdict::fromStored(const QString& stored)
{
    if (stored.isEmpty())
        return {};
    const QJsonObject o = QJsonDocument::fromJson(stored.toUtf8()).object();
    const QString id = o.value(QLatin1String("code")).toString();
    if (!stored.startsWith(QLatin1Char('{')) || id.isEmpty())
        return fromOldSentence(stored);
    // A code this version does not know is shown as what was stored.
    const std::optional<Code> known = codeNamed(id);
    KeyVerdict v;
    v.code = known.value_or(Code::Worded);
    v.status = o.value(QLatin1String("status")).toInt();
    v.errorType = o.value(QLatin1String("type")).toString();
    v.said = o.value(QLatin1String("said")).toString();
    v.requestId = o.value(QLatin1String("request")).toString();
    if (o.contains(QLatin1String("retry")))
        v.retrySeconds = o.value(QLatin1String("retry")).toInt();
    v.timeoutMs = o.value(QLatin1String("timeout_ms")).toInt();
    v.plan = o.value(QLatin1String("plan")).toString();
    if (!known)
        v.text = stored;
    else if (v.code == Code::Worded)
        v.text = o.value(QLatin1String("text")).toString(stored);
    return v;
}
