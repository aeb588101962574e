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
    }

    void brokenCatalogIsAClearError_data()
    {
        QTest::addColumn<QString>("path");   // "section/index/field" to change, or "" for raw text
        QTest::addColumn<QString>("value");  // JSON text of the new value, or the raw document
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << "" << "{ nope" << "not valid JSON";
        QTest::newRow("zero multiplier") << "models/1/multiplier" << "0" << "model \"claude-opus-4-6\" needs a positive whole number \"multiplier\"";
        QTest::newRow("fractional credits") << "actions/0/baseCredits" << "1.5" << "needs a positive whole number \"baseCredits\"";
        QTest::newRow("unknown default model") << "slots/0/defaultModel" << "\"gpt-9\"" << "defaults to unknown model \"gpt-9\"";
        QTest::newRow("unknown provider") << "actions/3/provider" << "\"dalle\"" << "names unknown provider \"dalle\"";
        QTest::newRow("unknown slot") << "actions/0/slot" << "\"styling\"" << "names unknown slot \"styling\"";
        QTest::newRow("duplicate id") << "plans/1/id" << "\"essentials\"" << "plan id \"essentials\" appears twice";
        QTest::newRow("missing name") << "plans/0/name" << "null" << "plan \"essentials\" needs a text \"name\"";
        QTest::newRow("tenant keys not bool") << "plans/0/tenantKeys" << "\"yes\"" << "needs a true/false \"tenantKeys\"";
        QTest::newRow("empty list") << "actions" << "[]" << "needs a non-empty list \"actions\"";
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
