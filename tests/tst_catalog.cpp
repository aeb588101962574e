#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

class TestCatalog : public QObject
{
    Q_OBJECT

private:
    static QByteArray builtInJson()
    {
        QFile f(QStringLiteral(":/ai-settings/catalog.json"));
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

private slots:
    void init() { TestSupport::failOnAnyWarning(); }

    void builtInMatchesTheProductTables()
    {
        const auto c = Catalog::builtIn();
        QVERIFY2(c.ok(), qPrintable(c.failure().message));
        QCOMPARE(c->actions().size(), 6);
        QCOMPARE(c->models().size(), 5);
        QCOMPARE(c->plans().size(), 3);
        QCOMPARE(c->action(u"trigger")->baseCredits, 20);
        QCOMPARE(c->action(u"image")->provider, QStringLiteral("openai"));
        QVERIFY(c->action(u"image")->slot.isEmpty());
        QCOMPARE(c->model(u"claude-opus-4-6")->multiplier, 2);
        QCOMPARE(c->plan(u"Enterprise")->monthlyCredits, 2000);
        QCOMPARE(c->plan(u"essentials")->tenantKeys, false);
        QCOMPARE(c->modelSlot(u"analysis")->defaultModel, QStringLiteral("claude-sonnet-4-6"));
        QCOMPARE(c->rateLimit().onCredits, 20);
        QCOMPARE(c->rateLimit().onByok, 200);
        // The seed's typical months, in the catalog's action order.
        const auto& essentials = c->plan(u"essentials")->typical;
        QCOMPARE(essentials.size(), 4);
        QCOMPARE(essentials.first(), qMakePair(QStringLiteral("theme"), 5));
        QCOMPARE(essentials.last(), qMakePair(QStringLiteral("trigger"), 1));
        QCOMPARE(c->plan(u"professional")->typical.value(1), qMakePair(QStringLiteral("content"), 25));
        QVERIFY(c->plan(u"enterprise")->typical.isEmpty());
        QVERIFY(c->plan(u"enterprise")->typicalNote.startsWith(QStringLiteral("Generous allowance")));
    }

    void aProviderModelIdNamesACatalogModelExactlyOrAsADatedSnapshot_data()
    {
        QTest::addColumn<QString>("listed");
        QTest::addColumn<QString>("catalog");
        QTest::addColumn<bool>("names");
        QTest::newRow("same id") << "claude-haiku-4-5"
                                 << "claude-haiku-4-5" << true;
        QTest::newRow("dated snapshot") << "claude-haiku-4-5-20251001"
                                        << "claude-haiku-4-5" << true;
        QTest::newRow("another model's snapshot") << "claude-sonnet-4-5-20250929"
                                                  << "claude-haiku-4-5" << false;
        QTest::newRow("longer family") << "claude-sonnet-4-5-1"
                                       << "claude-sonnet-4-5" << false;
        QTest::newRow("letters for a date") << "claude-sonnet-4-5-2025092x"
                                            << "claude-sonnet-4-5" << false;
        QTest::newRow("no dash") << "claude-sonnet-4-520250929"
                                 << "claude-sonnet-4-5" << false;
        QTest::newRow("a prefix only") << "claude-sonnet-4"
                                       << "claude-sonnet-4-5" << false;
    }

    void aProviderModelIdNamesACatalogModelExactlyOrAsADatedSnapshot()
    {
        QFETCH(QString, listed);
        QFETCH(QString, catalog);
        QTEST(Catalog::namesModel(listed, catalog), "names");
    }

    void theModelsAKeyCanUseAreTheCatalogModelsItsListNames()
    {
        const auto c = Catalog::builtIn();
        QVERIFY(c.ok());
        QCOMPARE(c->modelsListed({QStringLiteral("claude-opus-4-6"), QStringLiteral("claude-haiku-4-5-20251001"),
                                  QStringLiteral("claude-3-haiku-20240307")}),
                 (QStringList{QStringLiteral("claude-opus-4-6"), QStringLiteral("claude-haiku-4-5")}));
        QVERIFY(c->modelsListed({}).isEmpty());
        QCOMPARE(c->slotProvider(u"analysis")->id, QStringLiteral("anthropic"));
        QCOMPARE(c->provider(u"openai")->consoleHost(), QStringLiteral("platform.openai.com"));
    }

    // A setting's input offers what its check accepts and nothing else: every choice, every number in the range
    // and the initial value pass; a number just outside the range and a value no choice has do not. The window's
    // fields are made from these (SettingField), so what the admin can pick is what can be stored.
    void everySettingOffersWhatItsCheckAccepts()
    {
        const Catalog catalog = Catalog::builtIn().value();
        int choices = 0, numbers = 0;
        for (const SettingDeclaration& d : Settings::declarations(catalog)) {
            if (!d.writable)
                continue;
            QVERIFY2(!d.field.isEmpty(), qPrintable(d.name));
            if (!d.initial.isEmpty())
                QVERIFY2(!d.problem(d.initial), qPrintable(d.name));
            if (d.input == SettingInput::Choice) {
                ++choices;
                const QVector<SettingChoice> offered = d.choices();
                QVERIFY2(!offered.isEmpty(), qPrintable(d.name));
                QStringList values;
                for (const SettingChoice& c : offered) {
                    QVERIFY2(!d.problem(c.value), qPrintable(d.name + QLatin1Char(' ') + c.value));
                    QVERIFY2(!c.text.isEmpty(), qPrintable(d.name + QLatin1Char(' ') + c.value));
                    values << c.value;
                }
                QVERIFY2(values.contains(d.initial), qPrintable(d.name));
                QVERIFY2(d.problem(QStringLiteral("no-such-value")), qPrintable(d.name));
            }
            if (d.input == SettingInput::Number) {
                ++numbers;
                QVERIFY2(d.minimum < d.maximum, qPrintable(d.name));
                for (int n = d.minimum; n <= d.maximum; ++n)
                    QVERIFY2(!d.problem(QString::number(n)), qPrintable(d.name + QString::number(n)));
                QVERIFY(d.problem(QString::number(d.minimum - 1)));
                QVERIFY(d.problem(QString::number(d.maximum + 1)));
            }
        }
        QCOMPARE(choices, 2 + int(catalog.modelSlots().size())); // the plan, the time zone and each slot's model
        QCOMPARE(numbers, 1);                                    // the reset day
    }

    // The list prices, exact in micro-dollars, from the day each took effect; before it, or for a model without
    // prices, the price is unknown (null), never a guess.
    void pricesAreExactAndDated()
    {
        const Catalog c = Catalog::builtIn().value();
        const Model* sonnet = c.model(u"claude-sonnet-4-6");
        const ModelPrice* p = sonnet->priceOn(QDate(2026, 11, 20));
        QVERIFY(p);
        QCOMPARE(p->from, QDate(2026, 2, 17));
        QCOMPARE(p->input, 3000000);
        QCOMPARE(p->cacheWrite5m, 3750000);
        QCOMPARE(p->cacheWrite1h, 6000000);
        QCOMPARE(p->cacheRead, 300000);
        QCOMPARE(p->output, 15000000);
        QVERIFY(!sonnet->priceOn(QDate(2026, 2, 16)));
        QVERIFY(sonnet->priceOn(QDate(2026, 2, 17)));
        const ModelPrice* opus = c.model(u"claude-opus-4-5")->priceOn(QDate(2026, 1, 1));
        QVERIFY(opus);
        QCOMPARE(opus->cacheRead, 500000);
        QCOMPARE(opus->output, 25000000);
        const ModelPrice* haiku = c.model(u"claude-haiku-4-5")->priceOn(QDate(2026, 1, 1));
        QVERIFY(haiku);
        QCOMPARE(haiku->cacheRead, 100000);
        QCOMPARE(haiku->cacheWrite5m, 1250000);
        // Shown to the user exactly, and unknown as unknown.
        QCOMPARE(Settings::dollarText(300000), QStringLiteral("$0.30"));
        QCOMPARE(Settings::dollarText(3750000), QStringLiteral("$3.75"));
        QCOMPARE(Settings::dollarText(15000000), QStringLiteral("$15"));
        QCOMPARE(Settings::dollarText(125), QStringLiteral("$0.000125"));
        QVERIFY(Settings::priceText(*sonnet).startsWith(
            QStringLiteral("List price since 17 Feb 2026, per million tokens: $3 input, $15 output;")));
        Model unpriced = *sonnet;
        unpriced.prices.clear();
        QCOMPARE(Settings::priceText(unpriced), QStringLiteral("List price unknown."));
        QVERIFY(!unpriced.priceOn(QDate(2026, 11, 20)));
    }

    void brokenCatalogIsAClearError_data()
    {
        QTest::addColumn<QString>("path");  // "section/index/field" to change, or "" for raw text
        QTest::addColumn<QString>("value"); // JSON text of the new value, or the raw document
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << ""
                                  << "{ nope"
                                  << "not valid JSON";
        QTest::newRow("price as a number")
            << "models/0/prices"
            << R"([{"from": "2026-02-17", "input": 3, "cacheWrite5m": "3.75", "cacheWrite1h": "6", "cacheRead": "0.30",
                 "output": "15"}])"
            << "model \"claude-sonnet-4-6\" price 1 needs a decimal text \"input\" in dollars per million tokens";
        QTest::newRow("price past a micro-dollar")
            << "models/0/prices"
            << R"([{"from": "2026-02-17", "input": "3", "cacheWrite5m": "3.75", "cacheWrite1h": "6",
                 "cacheRead": "0.0000001", "output": "15"}])"
            << "price 1 needs a decimal text \"cacheRead\"";
        QTest::newRow("prices out of order")
            << "models/0/prices"
            << R"([{"from": "2026-03-01", "input": "3", "cacheWrite5m": "3.75", "cacheWrite1h": "6", "cacheRead": "0.30",
                 "output": "15"}, {"from": "2026-02-17", "input": "3", "cacheWrite5m": "3.75", "cacheWrite1h": "6",
                 "cacheRead": "0.30", "output": "15"}])"
            << "model \"claude-sonnet-4-6\" price 2 starts no later than the one before it";
        QTest::newRow("price without a day")
            << "models/0/prices"
            << R"([{"input": "3", "cacheWrite5m": "3.75", "cacheWrite1h": "6", "cacheRead": "0.30", "output": "15"}])"
            << "price 1 needs a date \"from\" (YYYY-MM-DD)";
        QTest::newRow("zero multiplier") << "models/1/multiplier"
                                         << "0"
                                         << "model \"claude-opus-4-6\" needs a positive whole number \"multiplier\"";
        QTest::newRow("fractional credits") << "actions/0/baseCredits"
                                            << "1.5"
                                            << "needs a positive whole number \"baseCredits\"";
        QTest::newRow("unknown default model") << "slots/0/defaultModel"
                                               << "\"gpt-9\""
                                               << "defaults to unknown model \"gpt-9\"";
        QTest::newRow("unknown provider") << "actions/3/provider"
                                          << "\"dalle\""
                                          << "names unknown provider \"dalle\"";
        QTest::newRow("unknown protocol") << "providers/0/protocol"
                                          << "\"grpc\""
                                          << "provider \"anthropic\" speaks unknown protocol \"grpc\"";
        QTest::newRow("no key prefix") << "providers/1/keyPrefix"
                                       << "null"
                                       << "provider \"openai\" needs a text \"keyPrefix\"";
        QTest::newRow("a models path without its slash") << "providers/1/modelsPath"
                                                         << "\"v1/models\""
                                                         << "needs a \"modelsPath\" that starts with /";
        QTest::newRow("a usage path without its slash")
            << "providers/0/usagePath"
            << "\"v1/organizations/usage_report/messages\""
            << "provider \"anthropic\" needs a \"usagePath\" that starts with / and admin key prefixes to read it";
        QTest::newRow("a usage path no key may read")
            << "providers/1/adminKeyPrefixes"
            << "[]"
            << "provider \"openai\" needs a \"usagePath\" that starts with / and admin key prefixes to read it";
        QTest::newRow("an empty usage path") << "providers/0/usagePath"
                                             << "\"\""
                                             << "provider \"anthropic\" needs a text \"usagePath\"";
        QTest::newRow("read-only reports without their slash")
            << "providers/0/readOnlyReports"
            << R"({"usagePath": "v1/analytics/usage", "costPath": "/v1/analytics/cost", "maxDays": 31})"
            << "provider \"anthropic\"'s read-only reports need paths that start with /";
        QTest::newRow("read-only reports without a day bound")
            << "providers/0/readOnlyReports"
            << R"({"usagePath": "/v1/analytics/usage", "costPath": "/v1/analytics/cost", "maxDays": 0})"
            << "read-only reports needs a positive whole number \"maxDays\"";
        QTest::newRow("unknown slot") << "actions/0/slot"
                                      << "\"styling\""
                                      << "names unknown slot \"styling\"";
        QTest::newRow("duplicate id") << "plans/1/id"
                                      << "\"essentials\""
                                      << "plan id \"essentials\" appears twice";
        QTest::newRow("missing name") << "plans/0/name"
                                      << "null"
                                      << "plan \"essentials\" needs a text \"name\"";
        QTest::newRow("tenant keys not bool") << "plans/0/tenantKeys"
                                              << "\"yes\""
                                              << "needs a true/false \"tenantKeys\"";
        QTest::newRow("empty list") << "actions"
                                    << "[]"
                                    << "needs a non-empty list \"actions\"";
        QTest::newRow("typical of an unknown action") << "plans/0/typical"
                                                      << "{\"poetry\": 3}"
                                                      << "names unknown action \"poetry\" in its typical usage";
        QTest::newRow("no typical usage") << "plans/2/typicalNote"
                                          << "\"\""
                                          << "plan \"enterprise\" needs its \"typical\" usage or a \"typicalNote\"";
    }

    void brokenCatalogIsAClearError()
    {
        QFETCH(QString, path);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QByteArray json = value.toUtf8();
        if (!path.isEmpty()) {
            QJsonObject root = QJsonDocument::fromJson(builtInJson()).object();
            const QStringList parts = path.split(QLatin1Char('/'));
            const QJsonValue replacement = QJsonDocument::fromJson("[" + value.toUtf8() + "]").array().at(0);
            if (parts.size() == 1) {
                root[parts[0]] = replacement;
            } else {
                QJsonArray list = root[parts[0]].toArray();
                QJsonObject item = list[parts[1].toInt()].toObject();
                item[parts[2]] = replacement;
                list[parts[1].toInt()] = item;
                root[parts[0]] = list;
            }
            json = QJsonDocument(root).toJson();
        }
        const auto c = Catalog::fromJson(json);
        QVERIFY(!c.ok());
        QCOMPARE(c.failure().kind, Failure::Unavailable);
        QVERIFY2(c.failure().message.contains(expected), qPrintable(c.failure().message));
    }
};

QTEST_APPLESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
