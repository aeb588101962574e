#include "keys/ProviderSync.h"

#include "formats/ProviderReports.h"
#include "keys/ProviderCheck.h"
#include "keys/ProviderProtocol.h"
#include "rules/KeyFormat.h"
#include "words/KeySentences.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimeZone>
#include <QUrlQuery>

#include <algorithm>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(ProviderSync)
};

// More pages than this is not an organisation's report for a few months: stop rather than read forever.
constexpr int maxPages = 2000;
// A page of daily buckets holds at most a month of them.
const QString bucketsPerPage = QStringLiteral("31");
const QString keysPerPage = QStringLiteral("100");

QDateTime midnight(QDate day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::utc());
}

// RFC 3339 with "Z": an offset's "+" would arrive as a space in a query.
QString rfc3339(QDate day)
{
    return midnight(day).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

// Asks for a page of a list (keys, projects) after the last id of the one before, named `afterParameter`.
std::function<void(QUrl&, const QString&)> listPage(const char* afterParameter)
{
    return [afterParameter](QUrl& url, const QString& after) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), keysPerPage);
        if (!after.isEmpty())
            q.addQueryItem(QLatin1String(afterParameter), after);
        url.setQuery(q);
    };
}

// Anthropic's daily buckets for the days `from` to `to` (both included) grouped by `groups`: RFC 3339 instants,
// the end the day after the last, exclusive.
std::function<void(QUrl&, const QString&)> anthropicDays(QDate from, QDate to, const QStringList& groups)
{
    return [from, to, groups](QUrl& url, const QString& page) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("starting_at"), rfc3339(from));
        q.addQueryItem(QStringLiteral("ending_at"), rfc3339(to.addDays(1)));
        q.addQueryItem(QStringLiteral("bucket_width"), QStringLiteral("1d"));
        for (const QString& group : groups)
            q.addQueryItem(QStringLiteral("group_by[]"), group);
        q.addQueryItem(QStringLiteral("limit"), bucketsPerPage);
        if (!page.isEmpty())
            q.addQueryItem(QStringLiteral("page"), page);
        url.setQuery(q);
    };
}

// A read-only report's rows name no key: each counts every key of the organisation together. It is read a window
// of days at a time; a row of a day outside the window asked for (which another window reads) is left out, so
// that no day is counted twice.
template <typename Row> Result<ReportPage<Row>> ofWholeOrganisation(Result<ReportPage<Row>> page, QDate from, QDate to)
{
    if (!page)
        return page;
    QVector<Row>& rows = page.value().rows;
    rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const Row& row) { return row.day < from || row.day > to; }),
               rows.end());
    for (Row& row : rows)
        row.apiKeyId = wholeOrganisationKeyId();
    return page;
}

// Appends a page's rows to `into` and answers the next page's token.
template <typename Row> Result<QString> appended(const Result<ReportPage<Row>>& page, QVector<Row>& into)
{
    if (!page)
        return page.failure();
    into += page->rows;
    return page->nextPage;
}

// A sentence about one answer, with where in the sync it came: "… (while reading the cost report, page 2)."
QString located(QString sentence, const QString& reading, int page)
{
    while (sentence.endsWith(QLatin1Char('.')))
        sentence.chop(1);
    return Words::tr("%1 (while reading %2, page %3).").arg(sentence, reading).arg(page);
}

} // namespace

ProviderSync::ProviderSync(QNetworkAccessManager& network, Clock clock, QObject* parent)
    : QObject(parent), m_network(network), m_clock(std::move(clock))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProviderSync::onTimeout);
}

ProviderSync::~ProviderSync()
{
    abandonReply();
}

void ProviderSync::start(const Provider& provider, const QUrl& base, const QString& key, QDate first, QDate last)
{
    abandonReply();
    m_provider = provider;
    m_base = base;
    m_key = key;
    m_set = ProviderReportSet{};
    m_set.provider = provider.id;
    m_set.first = first;
    m_set.last = last;
    m_steps.clear();
    m_step = 0;
    m_page.clear();
    m_pages = 0;
    m_stepPages = 0;
    if (KeyFormat::needsProviderToTell(provider, key, KeyPurpose::Usage))
        planReadOnly();
    else if (provider.protocol == Provider::Protocol::Anthropic)
        planAnthropic();
    else
        planOpenAi();
    request();
}

void ProviderSync::planAnthropic()
{
    const QDate first = m_set.first, last = m_set.last;
    m_steps << Step{
        m_provider.usagePath, Words::tr("the usage report"),
        anthropicDays(first, last, {QStringLiteral("api_key_id"), QStringLiteral("model")}),
        [this](const QByteArray& body) { return appended(ProviderReports::anthropicUsage(body), m_set.usage); }};
    m_steps << Step{QStringLiteral("/v1/organizations/cost_report"), Words::tr("the cost report"),
                    anthropicDays(first, last, {QStringLiteral("description")}), [this](const QByteArray& body) {
                        return appended(ProviderReports::anthropicCost(body), m_set.costs);
                    }};
    m_steps << Step{
        QStringLiteral("/v1/organizations/api_keys"), Words::tr("the list of keys"), listPage("after_id"),
        [this](const QByteArray& body) { return appended(ProviderReports::anthropicKeys(body), m_set.keys); }};
}

void ProviderSync::planReadOnly()
{
    // The read-only reports speak the shape of Anthropic's, per model and without a key list; one request may span
    // at most maxDays days, so the range is read a window at a time.
    const Provider::ReadOnlyReports& reports = m_provider.readOnlyReports;
    for (QDate from = m_set.first; from <= m_set.last; from = from.addDays(reports.maxDays)) {
        const QDate to = std::min(m_set.last, from.addDays(reports.maxDays - 1));
        m_steps << Step{reports.usagePath, Words::tr("the analytics usage report"),
                        anthropicDays(from, to, {QStringLiteral("model")}),
                        [this, from, to](const QByteArray& body) {
                            return appended(ofWholeOrganisation(ProviderReports::anthropicUsage(body), from, to),
                                            m_set.usage);
                        },
                        reports.beta};
        m_steps << Step{
            reports.costPath, Words::tr("the analytics cost report"),
            anthropicDays(from, to,
                          {QStringLiteral("model"), QStringLiteral("cost_type"), QStringLiteral("token_type")}),
            [this, from, to](const QByteArray& body) {
                return appended(ofWholeOrganisation(ProviderReports::anthropicCost(body), from, to), m_set.costs);
            },
            reports.beta};
    }
}

void ProviderSync::planOpenAi()
{
    // Unix seconds; the end is exclusive.
    auto daily = [this](const QStringList& groups) {
        return [this, groups](QUrl& url, const QString& page) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("start_time"), QString::number(midnight(m_set.first).toSecsSinceEpoch()));
            q.addQueryItem(QStringLiteral("end_time"),
                           QString::number(midnight(m_set.last.addDays(1)).toSecsSinceEpoch()));
            q.addQueryItem(QStringLiteral("bucket_width"), QStringLiteral("1d"));
            for (const QString& group : groups)
                q.addQueryItem(QStringLiteral("group_by"), group);
            q.addQueryItem(QStringLiteral("limit"), bucketsPerPage);
            if (!page.isEmpty())
                q.addQueryItem(QStringLiteral("page"), page);
            url.setQuery(q);
        };
    };
    const QStringList byKeyAndModel{QStringLiteral("api_key_id"), QStringLiteral("model")};
    m_steps << Step{
        m_provider.usagePath, Words::tr("the usage report"), daily(byKeyAndModel),
        [this](const QByteArray& body) { return appended(ProviderReports::openAiUsage(body), m_set.usage); }};
    m_steps << Step{
        QStringLiteral("/v1/organization/usage/images"), Words::tr("the images report"), daily(byKeyAndModel),
        [this](const QByteArray& body) { return appended(ProviderReports::openAiImages(body), m_set.usage); }};
    m_steps << Step{QStringLiteral("/v1/organization/costs"), Words::tr("the cost report"),
                    daily({QStringLiteral("line_item"), QStringLiteral("api_key_id")}), [this](const QByteArray& body) {
                        return appended(ProviderReports::openAiCost(body), m_set.costs);
                    }};
    // Keys belong to projects: the projects first, then each one's keys.
    m_steps << Step{QStringLiteral("/v1/organization/projects"), Words::tr("the list of projects"), listPage("after"),
                    [this](const QByteArray& body) -> Result<QString> {
                        const auto page = ProviderReports::openAiProjects(body);
                        if (!page)
                            return page.failure();
                        for (const ProviderKeyName& project : page->rows)
                            addProjectKeys(project.apiKeyId);
                        return page->nextPage;
                    }};
}

void ProviderSync::addProjectKeys(const QString& projectId)
{
    m_steps << Step{QStringLiteral("/v1/organization/projects/%1/api_keys")
                        .arg(QString::fromLatin1(QUrl::toPercentEncoding(projectId))),
                    Words::tr("the list of keys"), listPage("after"), [this](const QByteArray& body) {
                        return appended(ProviderReports::openAiProjectKeys(body), m_set.keys);
                    }};
}

void ProviderSync::request()
{
    const Step& step = m_steps.at(m_step);
    QUrl url = ProviderProtocol::endpoint(m_base, step.path);
    step.ask(url, m_page);
    m_reply = m_network.get(ProviderProtocol::of(m_provider).request(url, m_key, step.beta));
    connect(m_reply, &QNetworkReply::finished, this, &ProviderSync::onReplyFinished);
    m_timer.start(m_timeoutMs);
}

void ProviderSync::abandonReply()
{
    m_timer.stop();
    if (!m_reply)
        return;
    m_reply->disconnect(this);
    m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
}

void ProviderSync::cancel()
{
    if (!m_reply)
        return;
    abandonReply();
    fail(unavailable(
        Words::tr("The sync of %1's reports was cancelled; nothing of it was stored.").arg(m_provider.name)));
}

void ProviderSync::onTimeout()
{
    if (!m_reply)
        return;
    abandonReply();
    KeyVerdict timedOut = KeyVerdict::of(KeyVerdict::Code::TimedOut);
    timedOut.timeoutMs = m_timeoutMs;
    fail(
        unavailable(located(KeySentences::verdict(timedOut, m_provider), m_steps.at(m_step).reading, m_stepPages + 1)));
}

void ProviderSync::onReplyFinished()
{
    m_timer.stop();
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    // A copy: taking the project list adds steps, which may move the list's elements.
    const Step step = m_steps.at(m_step);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status != 200) {
        ProviderCheck::Outcome o;
        if (status == 0) {
            o.verdict.code = KeyVerdict::Code::Unreachable;
            o.verdict.said = reply->errorString();
        } else {
            o = ProviderCheck::interpret(
                m_provider, status, body, reply->rawHeader("retry-after"), m_key, m_clock.now(),
                reply->rawHeader(ProviderProtocol::of(m_provider).requestIdHeader()), KeyPurpose::Usage);
        }
        const QString sentence = located(KeySentences::verdict(o.verdict, m_provider), step.reading, m_stepPages + 1);
        return fail(status == 401 || status == 403 ? refused(sentence) : unavailable(sentence));
    }
    const Result<QString> next = step.take(body);
    if (!next)
        return fail(unavailable(located(next.failure().message, step.reading, m_stepPages + 1)));
    ++m_pages;
    ++m_stepPages;
    emit progress(m_pages, step.reading);
    if (m_pages >= maxPages)
        return fail(unavailable(Words::tr("%1's reports ran past %2 pages; nothing of them was stored.")
                                    .arg(m_provider.name)
                                    .arg(maxPages)));
    if (!next.value().isEmpty() && next.value() != m_page) {
        m_page = next.value();
        return request();
    }
    m_page.clear();
    m_stepPages = 0;
    if (++m_step < m_steps.size())
        return request();
    m_key.clear();
    m_set.syncedAt = m_clock.now();
    emit finished(m_set);
}

void ProviderSync::fail(const Failure& failure)
{
    m_key.clear();
    m_steps.clear();
    emit finished(Result<ProviderReportSet>(failure));
}
