#include "keys/ProviderCheck.h"

#include "keys/ProviderProtocol.h"
#include "rules/KeyFormat.h"
#include "support/Text.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {

// Anthropic lists at most 1,000 models a page; a list longer than this many pages is not a model list.
constexpr int maxPages = 50;

// Providers quote part of a rejected key back ("Incorrect API key provided: sk-abc…xyz"): cut every key-like
// word, and the key itself, out of anything that may be shown or stored.
QString scrubbed(QString text, const QString& key)
{
    static const QRegularExpression keyLike(QStringLiteral("sk-[A-Za-z0-9_*\\-]*"));
    if (!key.isEmpty())
        text.replace(key, QStringLiteral("sk-…"));
    text.replace(keyLike, QStringLiteral("sk-…"));
    return text.simplified();
}

// The provider's request id ("req_011C…"), as support asks for it; anything else in the header is dropped.
QString cleanRequestId(const QByteArray& header)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_\\-]{1,100}$"));
    const QString id = QString::fromLatin1(header.trimmed());
    return allowed.match(id).hasMatch() ? id : QString();
}

// Seconds until the provider wants to be asked again: "retry-after" holds seconds or an HTTP date, read against
// `now`.
std::optional<int> retrySeconds(const QByteArray& header, qint64 now)
{
    const QByteArray text = header.trimmed();
    bool isNumber = false;
    const int seconds = text.toInt(&isNumber);
    if (isNumber)
        return seconds >= 0 ? std::optional<int>(seconds) : std::nullopt;
    // HTTP dates end in "GMT" (RFC 9110's IMF-fixdate), which Qt's RFC 2822 reader does not take for UTC.
    QString date = QString::fromLatin1(text);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(3) + QStringLiteral("+0000");
    const QDateTime at = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!at.isValid())
        return std::nullopt;
    return int(qMax<qint64>(0, (at.toMSecsSinceEpoch() - now) / 1000));
}

} // namespace

ProviderCheck::ProviderCheck(QNetworkAccessManager& network, Clock clock, QObject* parent)
    : QObject(parent), m_network(network), m_clock(std::move(clock))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProviderCheck::onTimeout);
}

QUrl ProviderCheck::baseUrl(const Provider& provider, const QString& configured)
{
    const QString fromEnvironment =
        provider.baseUrlVariable.isEmpty() ? QString() : qEnvironmentVariable(provider.baseUrlVariable.toLocal8Bit());
    if (!fromEnvironment.isEmpty())
        return QUrl(fromEnvironment);
    if (!configured.isEmpty())
        return QUrl(configured);
    return QUrl(provider.baseUrl);
}

void ProviderCheck::abandonReply()
{
    if (!m_reply)
        return;
    m_reply->disconnect(this);
    m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
}

void ProviderCheck::start(const Provider& provider, const QUrl& base, const QString& key, KeyPurpose purpose)
{
    abandonReply();
    m_provider = provider;
    m_base = base;
    m_key = key;
    m_purpose = purpose;
    m_models.clear();
    m_pages = 0;
    // One bound for the whole check, every page included; it is not restarted per page.
    m_timer.start(m_timeoutMs);
    request({});
}

void ProviderCheck::request(const QString& afterId)
{
    // A usage key that is no admin key can only be a read-only key for the reports: it is asked for those.
    const bool readOnly = KeyFormat::needsProviderToTell(m_provider, m_key, m_purpose);
    const QString path = m_purpose == KeyPurpose::Inference ? m_provider.modelsPath
                         : readOnly                         ? m_provider.readOnlyReports.usagePath
                                                            : m_provider.usagePath;
    QUrl url = ProviderProtocol::endpoint(m_base, path);
    const ProviderProtocol& protocol = ProviderProtocol::of(m_provider);
    if (m_purpose == KeyPurpose::Usage)
        protocol.usageProbe(url, m_clock.now());
    else
        protocol.pageAfter(url, afterId);
    // The bound is m_timer alone: a second, transfer timeout would race it and name the wrong cause.
    ++m_pages;
    m_reply = m_network.get(protocol.request(url, m_key, readOnly ? m_provider.readOnlyReports.beta : QString()));
    connect(m_reply, &QNetworkReply::finished, this, &ProviderCheck::onReplyFinished);
}

void ProviderCheck::onTimeout()
{
    if (!m_reply)
        return;
    abandonReply();
    Outcome o;
    o.verdict.code = KeyVerdict::Code::TimedOut;
    o.verdict.timeoutMs = m_timeoutMs;
    finish(o);
}

void ProviderCheck::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        // No HTTP answer at all: DNS, refused connection, TLS, proxy. Qt's text names the host, never the header.
        Outcome o;
        o.verdict.code = KeyVerdict::Code::Unreachable;
        o.verdict.said = scrubbed(reply->errorString(), m_key);
        return finish(o);
    }
    const QByteArray requestId = reply->rawHeader(ProviderProtocol::of(m_provider).requestIdHeader());
    Outcome o = interpret(m_provider, status, reply->readAll(), reply->rawHeader("retry-after"), m_key, m_clock.now(),
                          requestId, m_purpose);
    if (o.state != KeyState::Active)
        return finish(o);
    m_models += o.models;
    if (!o.nextPageAfter.isEmpty() && m_pages < maxPages)
        return request(o.nextPageAfter);
    o.models = m_models;
    o.nextPageAfter.clear();
    finish(o);
}

void ProviderCheck::finish(const Outcome& outcome)
{
    m_timer.stop();
    m_key.clear();
    emit finished(outcome);
}

ProviderCheck::Outcome ProviderCheck::interpret(const Provider& provider, int status, const QByteArray& body,
                                                const QByteArray& retryAfter, const QString& key, qint64 now,
                                                const QByteArray& requestId, KeyPurpose purpose)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    QString said = scrubbed(error.value(QLatin1String("message")).toString(), key);
    while (said.endsWith(QLatin1Char('.')))
        said.chop(1); // the sentence gets its own full stop
    Outcome o;
    o.requestId = cleanRequestId(requestId);
    // The facts of the answer; the status and request id are what the provider's support asks for.
    KeyVerdict& v = o.verdict;
    v.status = status;
    v.requestId = o.requestId;
    v.errorType = Text::escaped(error.value(QLatin1String("type")).toString(), 80);
    v.said = said;
    if (status == 200) {
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        const QJsonValue data = page.value(QLatin1String("data"));
        if (!data.isArray()) {
            v = KeyVerdict::of(purpose == KeyPurpose::Usage ? KeyVerdict::Code::NotAReport
                                                            : KeyVerdict::Code::NotAModelList);
            return o;
        }
        // A usage report's buckets are read by the sync, not here: the answer itself is the verdict.
        if (purpose == KeyPurpose::Usage) {
            o.state = KeyState::Active;
            v = KeyVerdict{};
            return o;
        }
        for (const QJsonValue& model : data.toArray())
            o.models << model.toObject().value(QLatin1String("id")).toString();
        if (page.value(QLatin1String("has_more")).toBool())
            o.nextPageAfter = page.value(QLatin1String("last_id")).toString();
        o.state = KeyState::Active;
        v = KeyVerdict{};
        return o;
    }
    // A usage key the provider knows but that may not read the reports (an API key with an admin prefix, or a
    // key without the scope) is told apart from one it does not know.
    if (status == 403 && purpose == KeyPurpose::Usage) {
        o.state = KeyState::NoPermission;
        v.code = KeyVerdict::Code::NoPermission;
        return o;
    }
    if (status == 401 || status == 403) {
        o.state = KeyState::Invalid;
        v.code = KeyVerdict::Code::Rejected;
        return o;
    }
    const std::optional<int> retry = retrySeconds(retryAfter, now);
    if (ProviderProtocol::of(provider).accountCannotSpend(status, error)) {
        o.state = KeyState::OutOfBudget;
        v.code = KeyVerdict::Code::OutOfBudget;
        return o;
    }
    if (status == 429 && retry) {
        o.state = KeyState::Throttled;
        v.code = KeyVerdict::Code::Throttled;
        v.retrySeconds = *retry;
        return o;
    }
    if (status == 429)
        v.code = KeyVerdict::Code::Limited;
    else if (status == 529)
        v.code = KeyVerdict::Code::Overloaded;
    else if (status >= 500)
        v.code = KeyVerdict::Code::ServerTrouble;
    else
        v.code = KeyVerdict::Code::OtherAnswer;
    return o;
}
