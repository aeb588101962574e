#include "keys/ProviderCheck.h"

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

// The provider account exists but cannot spend until someone raises its limit or adds credit (DESIGN.md §1, out
// of budget), whatever the status and whether the answer says when to ask again: Anthropic answers a monthly
// spend limit with a 429 and a retry-after of minutes, and a retry would only meet the same limit. Each form is
// the documented status or type together with the documented phrase, so that an ordinary rate limit stays one.
bool accountCannotSpend(const QString& provider, int status, const QJsonObject& error)
{
    const QString type = error.value(QLatin1String("type")).toString();
    const QString code = error.value(QLatin1String("code")).toString();
    const QString message = error.value(QLatin1String("message")).toString();
    const auto says = [&message](const char* phrase) {
        return message.contains(QLatin1String(phrase), Qt::CaseInsensitive);
    };
    if (provider == QLatin1String("openai"))
        return status == 429 &&
               (type == QLatin1String("insufficient_quota") || code == QLatin1String("insufficient_quota") ||
                code == QLatin1String("organization_spend_limit_exceeded") ||
                code == QLatin1String("project_spend_limit_exceeded"));
    if (status == 402 || type == QLatin1String("billing_error"))
        return true;
    // "This request would exceed your account's monthly spend limit. Please try again later."
    if (status == 429 && type == QLatin1String("rate_limit_error") && says("monthly spend limit"))
        return true;
    // The organisation's own cap: "You have reached your specified API usage limits. You will regain access on …"
    if ((status == 400 || status == 429) && says("You have reached your specified API usage limits"))
        return true;
    return status == 429 &&
           (type == QLatin1String("enforced_spend_limit_reached") || says("enforced_spend_limit_reached"));
}

} // namespace

ProviderCheck::ProviderCheck(QNetworkAccessManager& network, Clock clock, QObject* parent)
    : QObject(parent), m_network(network), m_clock(std::move(clock))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProviderCheck::onTimeout);
}

QUrl ProviderCheck::baseUrl(const QString& provider, const QString& configured)
{
    const bool anthropic = provider == QLatin1String("anthropic");
    const QString fromEnvironment = qEnvironmentVariable(anthropic ? "ANTHROPIC_BASE_URL" : "OPENAI_BASE_URL");
    if (!fromEnvironment.isEmpty())
        return QUrl(fromEnvironment);
    if (!configured.isEmpty())
        return QUrl(configured);
    return QUrl(anthropic ? QStringLiteral("https://api.anthropic.com") : QStringLiteral("https://api.openai.com"));
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

void ProviderCheck::start(const Provider& provider, const QUrl& base, const QString& key)
{
    abandonReply();
    m_provider = provider;
    m_base = base;
    m_key = key;
    m_models.clear();
    m_pages = 0;
    // One bound for the whole check, every page included; it is not restarted per page.
    m_timer.start(m_timeoutMs);
    request({});
}

void ProviderCheck::request(const QString& afterId)
{
    QUrl url = m_base;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    // OpenAI-style bases already end in /v1; Anthropic's do not.
    url.setPath(path.endsWith(QLatin1String("/v1")) ? path + QStringLiteral("/models")
                                                    : path + QStringLiteral("/v1/models"));
    const bool anthropic = m_provider.id == QLatin1String("anthropic");
    if (anthropic) {
        // Anthropic pages its list; the largest page keeps the number of round trips down.
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        if (!afterId.isEmpty())
            query.addQueryItem(QStringLiteral("after_id"), afterId);
        url.setQuery(query);
    }
    // The bound is m_timer alone: a second, transfer timeout would race it and name the wrong cause.
    QNetworkRequest request(url);
    // Our own name instead of Qt's default "Mozilla/5.0": the provider's logs and gateways see what called.
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("ai-settings/" AI_SETTINGS_VERSION));
    if (anthropic) {
        request.setRawHeader("x-api-key", m_key.toUtf8());
        request.setRawHeader("anthropic-version", "2023-06-01");
    } else {
        request.setRawHeader("Authorization", "Bearer " + m_key.toUtf8());
    }
    ++m_pages;
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::finished, this, &ProviderCheck::onReplyFinished);
}

void ProviderCheck::onTimeout()
{
    if (!m_reply)
        return;
    abandonReply();
    Outcome o;
    o.message = QStringLiteral("%1 did not answer within %2 seconds.")
                    .arg(m_provider.name, QString::number(m_timeoutMs / 1000.0, 'g', 2));
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
        o.message =
            QStringLiteral("%1 could not be reached (%2).").arg(m_provider.name, scrubbed(reply->errorString(), m_key));
        return finish(o);
    }
    const QByteArray requestId =
        reply->rawHeader(m_provider.id == QLatin1String("anthropic") ? "request-id" : "x-request-id");
    Outcome o = interpret(m_provider, status, reply->readAll(), reply->rawHeader("retry-after"), m_key, m_clock.now(),
                          requestId);
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
                                                const QByteArray& requestId)
{
    const QString name = provider.name;
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    QString said = scrubbed(error.value(QLatin1String("message")).toString(), key);
    while (said.endsWith(QLatin1Char('.')))
        said.chop(1); // the sentence gets its own full stop
    const QString saidPart = said.isEmpty() ? QString() : QStringLiteral(": %1").arg(said);
    Outcome o;
    o.requestId = cleanRequestId(requestId);
    // "(401)", or "(401, request req_…)": what the provider's support asks for, kept with the verdict.
    const QString statusPart = o.requestId.isEmpty() ? QStringLiteral("(%1)").arg(status)
                                                     : QStringLiteral("(%1, request %2)").arg(status).arg(o.requestId);
    if (status == 200) {
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        const QJsonValue data = page.value(QLatin1String("data"));
        if (!data.isArray()) {
            o.message = QStringLiteral("%1 answered with something that is not a model list.").arg(name);
            return o;
        }
        for (const QJsonValue& model : data.toArray())
            o.models << model.toObject().value(QLatin1String("id")).toString();
        if (page.value(QLatin1String("has_more")).toBool())
            o.nextPageAfter = page.value(QLatin1String("last_id")).toString();
        o.state = KeyState::Active;
        return o;
    }
    if (status == 401 || status == 403) {
        o.state = KeyState::Invalid;
        o.message = QStringLiteral("%1 rejected the key %2%3.").arg(name, statusPart, saidPart);
        return o;
    }
    const std::optional<int> retry = retrySeconds(retryAfter, now);
    if (accountCannotSpend(provider.id, status, error)) {
        o.state = KeyState::OutOfBudget;
        o.message = QStringLiteral("The %1 account behind this key is out of budget %2%3; raise its spend limit or add "
                                   "credit at %4.")
                        .arg(name, statusPart, saidPart, provider.consoleHost());
        return o;
    }
    if (status == 429 && retry) {
        o.state = KeyState::Throttled;
        o.retryAfterSeconds = *retry;
        o.message =
            QStringLiteral("%1 is limiting requests %2; check again in %3 seconds.").arg(name, statusPart).arg(*retry);
        return o;
    }
    if (status == 429) {
        o.message =
            QStringLiteral("%1 is limiting requests %2 and did not say when to ask again.").arg(name, statusPart);
        return o;
    }
    if (status >= 500) {
        o.message =
            QStringLiteral("%1 is %2 %3.")
                .arg(name, status == 529 ? QStringLiteral("overloaded") : QStringLiteral("having trouble"), statusPart);
        return o;
    }
    o.message = QStringLiteral("%1 answered %2%3.").arg(name, statusPart, saidPart);
    return o;
}
