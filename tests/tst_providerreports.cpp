#include "formats/ProviderReports.h"
#include "support/Decimal.h"

#include <QTest>

// The providers' usage and cost reports read into exact rows, checked against sums done by hand, and decimal
// amounts read without a double.
class TestProviderReports : public QObject
{
    Q_OBJECT

private slots:
    void decimalsAreScaledExactly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("places");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("whole") << "0" << 6 << qint64(0);
        QTest::newRow("dollars") << "3.75" << 6 << qint64(3750000);
        QTest::newRow("cents to micro-dollars, half up") << "123.456789" << 4 << qint64(1234568);
        QTest::newRow("exactly half") << "0.00005" << 4 << qint64(1);
        QTest::newRow("just under half") << "0.000049" << 4 << qint64(0);
        // 0.0000005 dollars is half a micro-dollar; through a double it is 0.49999999999999994 and rounds down.
        QTest::newRow("half a micro-dollar") << "0.0000005" << 6 << qint64(1);
        QTest::newRow("negative, away from zero") << "-1.5" << 0 << qint64(-2);
        QTest::newRow("exponent") << "1.25e-3" << 6 << qint64(1250);
        QTest::newRow("positive exponent") << "1E2" << 0 << qint64(100);
        QTest::newRow("far below a unit") << "1e-9" << 6 << qint64(0);
        QTest::newRow("largest") << "9223372036854775807" << 0 << std::numeric_limits<qint64>::max();
    }

    void decimalsAreScaledExactly()
    {
        QFETCH(QString, text);
        QFETCH(int, places);
        QFETCH(qint64, expected);
        const auto scaled = Decimal::scaled(text, places);
        QVERIFY(scaled.has_value());
        QCOMPARE(*scaled, expected);
    }

    void notADecimalIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* bad : {"", "-", "1.", ".5", "1e", "abc", "1.2.3", "1,5", " 1", "9223372036854775808", "1e19"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }

    void notADecimalIsRefused()
    {
        QFETCH(QString, text);
        QVERIFY(!Decimal::scaled(text, 0).has_value());
    }

    // Two daily buckets, a key the report does not name (the Workbench), both cache writes; the next page's token.
    void anthropicUsageIsReadKindByKind()
    {
        const QByteArray page =
            R"({"data":[)"
            R"({"starting_at":"2026-11-01T00:00:00Z","ending_at":"2026-11-02T00:00:00Z","results":[)"
            R"({"uncached_input_tokens":1200,"cache_creation":{"ephemeral_5m_input_tokens":300,)"
            R"("ephemeral_1h_input_tokens":40},"cache_read_input_tokens":5000,"output_tokens":700,)"
            R"("server_tool_use":{"web_search_requests":0},"api_key_id":"apikey_01Rj","model":"claude-sonnet-4-6"},)"
            R"({"uncached_input_tokens":10,"cache_creation":null,"cache_read_input_tokens":0,"output_tokens":2,)"
            R"("api_key_id":null,"model":"claude-opus-4-6"}]},)"
            R"({"starting_at":"2026-11-02T00:00:00Z","ending_at":"2026-11-03T00:00:00Z","results":[]}],)"
            R"("has_more":true,"next_page":"page_2"})";
        const auto read = ProviderReports::anthropicUsage(page);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.failure().message));
        QCOMPARE(read->nextPage, QStringLiteral("page_2"));
        QCOMPARE(read->rows.size(), 2);
        ProviderUsageRow sonnet;
        sonnet.day = QDate(2026, 11, 1);
        sonnet.apiKeyId = QStringLiteral("apikey_01Rj");
        sonnet.model = QStringLiteral("claude-sonnet-4-6");
        sonnet.uncachedInput = 1200;
        sonnet.cacheWrite5m = 300;
        sonnet.cacheWrite1h = 40;
        sonnet.cacheRead = 5000;
        sonnet.output = 700;
        QCOMPARE(read->rows[0], sonnet);
        QVERIFY(read->rows[1].apiKeyId.isEmpty());
        QCOMPARE(read->rows[1].uncachedInput, 10);
        QVERIFY(!read->rows[1].requests.has_value());
        // The last page says so.
        const auto last = ProviderReports::anthropicUsage(R"({"data":[],"has_more":false,"next_page":null})");
        QVERIFY(last.ok() && last->nextPage.isEmpty() && last->rows.isEmpty());
    }

    // OpenAI's input includes the cached tokens: they are taken out, so that each kind is priced once.
    void openAiCachedTokensAreCountedOnce()
    {
        const QByteArray page =
            R"({"object":"page","data":[{"object":"bucket","start_time":1793491200,)"
            R"("end_time":1793577600,"results":[{"object":"organization.usage.completions.result","input_tokens":1000,)"
            R"("input_cached_tokens":300,"output_tokens":250,"num_model_requests":7,"api_key_id":"key_abc",)"
            R"("model":"gpt-image-1"}]}],"has_more":false,"next_page":null})";
        const auto read = ProviderReports::openAiUsage(page);
        QVERIFY(read.ok());
        QCOMPARE(read->rows.size(), 1);
        const ProviderUsageRow& row = read->rows.first();
        QCOMPARE(row.day, QDate(2026, 11, 1)); // 1793491200 is 2026-11-01T00:00:00Z
        QCOMPARE(row.uncachedInput, 700);
        QCOMPARE(row.cacheRead, 300);
        QCOMPARE(row.uncachedInput + row.cacheRead, 1000);
        QCOMPARE(row.output, 250);
        QCOMPARE(row.requests, std::optional<qint64>(7));
    }

    void pagesAgainstTheirDocumentationAreRefused_data()
    {
        QTest::addColumn<bool>("openAi");
        QTest::addColumn<QByteArray>("page");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << false << QByteArray("<html>")
                                  << "The Anthropic usage report is not as its provider documents it: it is not a "
                                     "JSON object.";
        QTest::newRow("no data") << false << QByteArray(R"({"buckets":[]})") << "it has no list \"data\"";
        QTest::newRow("negative") << false
                                  << QByteArray(R"({"data":[{"starting_at":"2026-11-01T00:00:00Z","results":[)"
                                                R"({"uncached_input_tokens":-5}]}]})")
                                  << "\"uncached_input_tokens\" is -5, not a count";
        QTest::newRow("fraction") << true
                                  << QByteArray(R"({"data":[{"start_time":1793491200,"results":[)"
                                                R"({"output_tokens":1.5}]}]})")
                                  << "\"output_tokens\" is 1.5, not a count";
        QTest::newRow("cached above input")
            << true
            << QByteArray(R"({"data":[{"start_time":1793491200,"results":[)"
                          R"({"input_tokens":10,"input_cached_tokens":11}]}]})")
            << "11 cached input tokens are more than the 10 input tokens that include them";
        QTest::newRow("no start") << true << QByteArray(R"({"data":[{"results":[]}]})") << "a bucket has no start";
    }

    void pagesAgainstTheirDocumentationAreRefused()
    {
        QFETCH(bool, openAi);
        QFETCH(QByteArray, page);
        QFETCH(QString, message);
        const auto read = openAi ? ProviderReports::openAiUsage(page) : ProviderReports::anthropicUsage(page);
        QVERIFY(!read.ok());
        QVERIFY2(read.failure().message.contains(message), qPrintable(read.failure().message));
        QVERIFY(read.failure().message.endsWith(QLatin1Char('.')));
        QCOMPARE(read.failure().message.count(QLatin1String(". ")), 0); // one sentence
    }

    // Anthropic's amounts are decimal texts in cents; a cent is 10,000 micro-dollars.
    void anthropicCostsAreCentsReadExactly()
    {
        const QByteArray page =
            R"({"data":[{"starting_at":"2026-11-01T00:00:00Z","results":[)"
            R"({"currency":"USD","amount":"123.456789","cost_type":"tokens","description":"Claude Sonnet 4.6 Usage - Input Tokens",)"
            R"("model":"claude-sonnet-4-6","token_type":"uncached_input_tokens"},)"
            R"({"currency":"USD","amount":"0.5","cost_type":"web_search","description":"Web search","model":null}]}],)"
            R"("has_more":false})";
        const auto read = ProviderReports::anthropicCost(page);
        QVERIFY(read.ok());
        QCOMPARE(read->rows.size(), 2);
        QCOMPARE(read->rows[0].micros, qint64(1234568)); // $1.23456789, rounded once to the micro-dollar
        QCOMPARE(read->rows[0].kind, QStringLiteral("uncached_input_tokens"));
        QCOMPARE(read->rows[0].model, QStringLiteral("claude-sonnet-4-6"));
        QCOMPARE(read->rows[1].micros, qint64(5000));
        QCOMPARE(read->rows[1].kind, QStringLiteral("Web search"));
        QVERIFY(!ProviderReports::anthropicCost(
                     R"({"data":[{"starting_at":"2026-11-01T00:00:00Z","results":[{"amount":12.5}]}]})")
                     .ok()); // cents come as text
    }

    // OpenAI's amounts are JSON numbers in dollars, read from their text: half a micro-dollar rounds up, as it
    // would not through a double; a "value" inside a text is left alone.
    void openAiCostsAreReadFromTheirText()
    {
        const QByteArray page =
            R"({"object":"page","data":[{"start_time":1793491200,"results":[)"
            R"({"object":"organization.costs.result","amount":{"value":0.0000005,"currency":"usd"},)"
            "\"line_item\":\"gpt-image-1, input \\\"value\\\": 3\",\"api_key_id\":\"key_abc\"},"
            R"({"amount":{"value" : 12.345678,"currency":"usd"},"line_item":"gpt-4o, output","api_key_id":null}]}],)"
            R"("has_more":false,"next_page":null})";
        const auto read = ProviderReports::openAiCost(page);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.failure().message));
        QCOMPARE(read->rows.size(), 2);
        QCOMPARE(read->rows[0].micros, qint64(1));
        QCOMPARE(read->rows[0].kind, QStringLiteral("gpt-image-1, input \"value\": 3"));
        QCOMPARE(read->rows[0].currency, QStringLiteral("USD"));
        QCOMPARE(read->rows[0].apiKeyId, QStringLiteral("key_abc"));
        QCOMPARE(read->rows[1].micros, qint64(12345678));
        QVERIFY(read->rows[1].apiKeyId.isEmpty());
        // The line item names the model before its comma.
        QCOMPARE(read->rows[0].model, QStringLiteral("gpt-image-1"));
        QCOMPARE(read->rows[1].model, QStringLiteral("gpt-4o"));
    }

    void openAiImagesAreCounted()
    {
        const QByteArray page =
            R"({"object":"page","data":[{"start_time":1793491200,"end_time":1793577600,"results":[)"
            R"({"object":"organization.usage.images.result","images":3,"num_model_requests":2,)"
            R"("source":"image.generation","size":"1024x1024","api_key_id":"key_img","model":"dall-e-3"}]}],)"
            R"("has_more":true,"next_page":"page_2"})";
        const auto read = ProviderReports::openAiImages(page);
        QVERIFY(read.ok());
        QCOMPARE(read->rows.size(), 1);
        QCOMPARE(read->rows[0].day, QDate(2026, 11, 1));
        QCOMPARE(read->rows[0].images, qint64(3));
        QCOMPARE(read->rows[0].requests, std::optional<qint64>(2));
        QCOMPARE(read->rows[0].model, QStringLiteral("dall-e-3"));
        QCOMPARE(read->nextPage, QStringLiteral("page_2"));
    }

    // Key lists continue after their last id; an entry without an id is not a key.
    void keyListsGiveIdsHintsAndNames()
    {
        const auto anthropic = ProviderReports::anthropicKeys(
            R"({"data":[{"id":"apikey_01","type":"api_key","name":"Install","partial_key_hint":"sk-ant-api03-R2D...igAA",)"
            R"("status":"active"}],"has_more":true,"first_id":"apikey_01","last_id":"apikey_01"})");
        QVERIFY(anthropic.ok());
        QCOMPARE(anthropic->rows,
                 (QVector<ProviderKeyName>{{QStringLiteral("apikey_01"), QStringLiteral("sk-ant-api03-R2D...igAA"),
                                            QStringLiteral("Install")}}));
        QCOMPARE(anthropic->nextPage, QStringLiteral("apikey_01"));
        const auto openAi = ProviderReports::openAiProjectKeys(
            R"({"object":"list","data":[{"object":"organization.project.api_key","id":"key_abc","name":"Tenant",)"
            R"("redacted_value":"sk-abc...def"}],"has_more":false,"last_id":"key_abc"})");
        QVERIFY(openAi.ok());
        QCOMPARE(openAi->rows.first().hint, QStringLiteral("sk-abc...def"));
        QVERIFY(openAi->nextPage.isEmpty());
        const auto projects =
            ProviderReports::openAiProjects(R"({"object":"list","data":[{"id":"proj_1","name":"P"}]})");
        QVERIFY(projects.ok());
        QCOMPARE(projects->rows.first().apiKeyId, QStringLiteral("proj_1"));
        const auto noId = ProviderReports::anthropicKeys(R"({"data":[{"name":"x"}]})");
        QVERIFY(!noId.ok());
        QVERIFY2(noId.failure().message.contains("an entry has no id"), qPrintable(noId.failure().message));
    }
};

QTEST_GUILESS_MAIN(TestProviderReports)
#include "tst_providerreports.moc"
