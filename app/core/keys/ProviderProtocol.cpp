#include "keys/ProviderProtocol.h"

#include <QDateTime>
#include <QUrlQuery>

namespace {

bool says(const QJsonObject& error, const char* phrase)
{
    return error.value(QLatin1String("message")).toString().contains(QLatin1String(phrase), Qt::CaseInsensitive);
}

QString field(const QJsonObject& error, const char* name)
{
    return error.value(QLatin1String(name)).toString();
}

class AnthropicProtocol : public ProviderProtocol
{
public:
    void authorise(QNetworkRequest& request, const QString& key) const override
    {
        request.setRawHeader("x-api-key", key.toUtf8());
        request.setRawHeader("anthropic-version", "2023-06-01");
    }

    void pageAfter(QUrl& url, const QString& afterId) const override
    {
        // The list pages; the largest page keeps the number of round trips down.
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        if (!afterId.isEmpty())
            query.addQueryItem(QStringLiteral("after_id"), afterId);
        url.setQuery(query);
    }

    void usageProbe(QUrl& url, qint64 now) const override
    {
        // RFC 3339 instants; one daily bucket.
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("starting_at"),
                           QDateTime::fromMSecsSinceEpoch(now - 86400000, Qt::UTC).toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("bucket_width"), QStringLiteral("1d"));
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
        url.setQuery(query);
    }

    QByteArray requestIdHeader() const override { return QByteArrayLiteral("request-id"); }

    void askForBeta(QNetworkRequest& request, const QString& feature) const override
    {
        request.setRawHeader("anthropic-beta", feature.toLatin1());
    }

    // A monthly spend limit comes back as a 429 with a retry-after of minutes, and a retry would only meet the
    // same limit. Each form is the documented status or type together with the documented phrase, so that an
    // ordinary rate limit stays one.
    bool accountCannotSpend(int status, const QJsonObject& error) const override
    {
        const QString type = field(error, "type");
        if (status == 402 || type == QLatin1String("billing_error"))
            return true;
        // "This request would exceed your account's monthly spend limit. Please try again later."
        if (status == 429 && type == QLatin1String("rate_limit_error") && says(error, "monthly spend limit"))
            return true;
        // The organisation's own cap: "You have reached your specified API usage limits. You will regain access on …"
        if ((status == 400 || status == 429) && says(error, "You have reached your specified API usage limits"))
            return true;
        return status == 429 &&
               (type == QLatin1String("enforced_spend_limit_reached") || says(error, "enforced_spend_limit_reached"));
    }
};

class OpenAiProtocol : public ProviderProtocol
{
public:
    void authorise(QNetworkRequest& request, const QString& key) const override
    {
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    }

    void pageAfter(QUrl&, const QString&) const override {} // one page holds the whole list

    void usageProbe(QUrl& url, qint64 now) const override
    {
        // Unix seconds; one daily bucket.
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("start_time"), QString::number(now / 1000 - 86400));
        query.addQueryItem(QStringLiteral("bucket_width"), QStringLiteral("1d"));
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
        url.setQuery(query);
    }

    QByteArray requestIdHeader() const override { return QByteArrayLiteral("x-request-id"); }

    void askForBeta(QNetworkRequest&, const QString&) const override {} // OpenAI names no beta features

    bool accountCannotSpend(int status, const QJsonObject& error) const override
    {
        const QString type = field(error, "type");
        const QString code = field(error, "code");
        return status == 429 &&
               (type == QLatin1String("insufficient_quota") || code == QLatin1String("insufficient_quota") ||
                code == QLatin1String("organization_spend_limit_exceeded") ||
                code == QLatin1String("project_spend_limit_exceeded"));
    }
};

} // namespace

QNetworkRequest ProviderProtocol::request(const QUrl& url, const QString& key, const QString& betaFeature) const
{
    QNetworkRequest request(url);
    // Our own name instead of Qt's default "Mozilla/5.0": the provider's logs and gateways see what called.
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("ai-settings/" AI_SETTINGS_VERSION));
    authorise(request, key);
    if (!betaFeature.isEmpty())
        askForBeta(request, betaFeature);
    return request;
}

QUrl ProviderProtocol::endpoint(const QUrl& base, const QString& path)
{
    QUrl url = base;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    const int firstPart = path.indexOf(QLatin1Char('/'), 1);
    url.setPath(firstPart > 0 && basePath.endsWith(path.left(firstPart)) ? basePath + path.mid(firstPart)
                                                                         : basePath + path);
    return url;
}

const ProviderProtocol& ProviderProtocol::of(const Provider& provider)
{
    static const AnthropicProtocol anthropic;
    static const OpenAiProtocol openAi;
    switch (provider.protocol) {
    case Provider::Protocol::Anthropic:
        return anthropic;
    case Provider::Protocol::OpenAi:
        break;
    }
    return openAi;
}
