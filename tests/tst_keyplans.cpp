#include "KeysFixture.h"

// Keys and the rest of the rules: costs a key refuses, the models of its list, tenant keys and the plan, one
// keychain entry per database, and a Viewer who cannot change keys.
class TestKeyPlans : public KeysFixture
{
    Q_OBJECT

private slots:
    void costsSayWhenAKeyRefusesTheAction()
    {
        m_provider.respond(
            400,
            R"({"type":"error","error":{"type":"invalid_request_error","message":"You have reached your specified API usage limits."}})");
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 1);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(),
                 QStringLiteral("out_of_budget"));
        const Run refused = cli(words("record --action trigger"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("out of budget: raise its spend limit at console.anthropic.com"),
                 refused.err.constData());
        QJsonObject trigger = actionRow(QStringLiteral("trigger"));
        QVERIFY(trigger[QStringLiteral("cost_now")].isNull());
        QCOMPARE(trigger[QStringLiteral("refused_because")].toString(),
                 QStringLiteral("the Anthropic key is out of budget"));
        // Images run on OpenAI, which has no key: they still have a price.
        QCOMPARE(actionRow(QStringLiteral("image"))[QStringLiteral("cost_now")].toInt(), 10);
        QVERIFY(cli(words("report")).out.contains("refused: the Anthropic key is out of budget"));

        m_provider.respond(401,
                           R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        QCOMPARE(cli(words("keys verify anthropic")).exitCode, 1);
        QCOMPARE(actionRow(QStringLiteral("content"))[QStringLiteral("refused_because")].toString(),
                 QStringLiteral("the Anthropic key is invalid"));
        m_provider.respond(200, models);
        QCOMPARE(cli(words("keys verify anthropic")).exitCode, 0);
        trigger = actionRow(QStringLiteral("trigger"));
        QCOMPARE(trigger[QStringLiteral("cost_now")].toInt(), 0);
        QVERIFY(trigger[QStringLiteral("refused_because")].isNull());
    }

    void modelsFollowTheKeysOwnList()
    {
        // On credits every catalog model may be chosen.
        QCOMPARE(cli(words("models set analysis claude-sonnet-4-5")).exitCode, 0);
        QCOMPARE(cli(words("models set analysis claude-sonnet-4-6")).exitCode, 0);
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0); // lists Sonnet 4.6 and Opus 4.6
        const Run refused = cli(words("models set analysis claude-sonnet-4-5"));
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.err,
                 QByteArray("The Anthropic key in force cannot use Claude Sonnet 4.5: it is not in the key's "
                            "model list; add --force to choose it anyway.\n"));
        QVERIFY(cli(words("models show")).out.contains("Claude Sonnet 4.6 [claude-sonnet-4-6]"));
        QCOMPARE(cli(words("models set analysis claude-opus-4-6")).exitCode, 0);

        // A longer list, over two pages, with the model on the second as a dated snapshot.
        m_provider.respond(200,
                           R"({"data":[{"id":"claude-sonnet-4-6"}],"has_more":true,"last_id":"claude-sonnet-4-6"})");
        m_provider.route(
            "after_id=claude-sonnet-4-6", 200,
            R"({"data":[{"id":"claude-sonnet-4-5-20250929"}],"has_more":false,"last_id":"claude-sonnet-4-5-20250929"})");
        QCOMPARE(cli(words("keys verify anthropic")).exitCode, 0);
        m_provider.clearRoutes();
        QCOMPARE(cli(words("models set analysis claude-sonnet-4-5")).exitCode, 0);
        // Opus is not in this list: forcing it is allowed, and audited.
        QCOMPARE(cli(words("models set content claude-opus-4-5")).exitCode, 1);
        QCOMPARE(cli(words("models set content claude-opus-4-5 --force")).exitCode, 0);
        QVERIFY(cli(words("models show")).out.contains("Claude Opus 4.5 [claude-opus-4-5]"));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("models"));
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT change FROM audit_log WHERE subject = 'model.content' ORDER BY rowid DESC LIMIT 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(),
                 QStringLiteral("claude-opus-4-5 forced: not in the Anthropic key's model list"));
        q.finish();
        db.close();
    }

    void tenantKeysFollowThePlan()
    {
        QCOMPARE(cli(words("tenants add acme")).exitCode, 0);
        const Run onEssentials = cli(words("keys set anthropic --tenant acme"), anthropicKey);
        QCOMPARE(onEssentials.exitCode, 1);
        QVERIFY(onEssentials.err.contains("Professional or Enterprise"));
        QVERIFY(keychainLookup(account(QStringLiteral("acme"), "anthropic")).isEmpty());

        QCOMPARE(cli(words("plan set professional")).exitCode, 0);
        QCOMPARE(cli(words("keys set anthropic --tenant acme"), anthropicKey).exitCode, 0);
        QCOMPARE(keychainLookup(account(QStringLiteral("acme"), "anthropic")), anthropicKey);
        QCOMPARE(status(QStringLiteral("anthropic"), QStringLiteral("acme"))[QStringLiteral("source")].toString(),
                 QStringLiteral("tenant"));
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("source")].toString(), QStringLiteral("credits"));
        QCOMPARE(cli(words("record --action content --tenant acme")).exitCode, 0);
        QCOMPARE(actionRow(QStringLiteral("content"))[QStringLiteral("byok_count")].toInt(), 1);

        QCOMPARE(tenantRow(QStringLiteral("anthropic"), QStringLiteral("acme"))[QStringLiteral("in_force")].toBool(),
                 true);

        // A downgrade waits for the next period: the tenant key stays in force until then.
        const Run downgrade = cli(words("plan set essentials"));
        QVERIFY2(downgrade.out.contains("at the next period"), downgrade.out.constData());
        QCOMPARE(status(QStringLiteral("anthropic"), QStringLiteral("acme"))[QStringLiteral("source")].toString(),
                 QStringLiteral("tenant"));
        // Once the period has turned (both changes moved back a month and more), the tenant key is stored but
        // unused, and `keys status` lists it as such.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("backdate"));
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE plan_changes SET at = at - 3456000000")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("backdate"));
        const QJsonObject inForce = status(QStringLiteral("anthropic"), QStringLiteral("acme"));
        QCOMPARE(inForce[QStringLiteral("source")].toString(), QStringLiteral("credits"));
        QCOMPARE(inForce[QStringLiteral("state")].toString(), QStringLiteral("not_set"));
        const QJsonObject unused = tenantRow(QStringLiteral("anthropic"), QStringLiteral("acme"));
        QCOMPARE(unused[QStringLiteral("state")].toString(), QStringLiteral("unused"));
        QCOMPARE(unused[QStringLiteral("in_force")].toBool(), false);
        QCOMPARE(unused[QStringLiteral("fingerprint")].toString(), QStringLiteral("wxyz"));
        QVERIFY(unused[QStringLiteral("message")].toString().contains(
            QStringLiteral("the Essentials plan does not allow tenant keys")));
        const Run text = cli(words("keys status --tenant acme"));
        QVERIFY2(text.out.contains("Unused - Not used: the Essentials plan"), text.out.constData());
        QCOMPARE(keychainLookup(account(QStringLiteral("acme"), "anthropic")), anthropicKey);

        // Removing the tenant removes its keys from the keychain too.
        const QString acmeAccount = account(QStringLiteral("acme"), "anthropic");
        QCOMPARE(cli(words("tenants remove acme")).exitCode, 0);
        QVERIFY(keychainLookup(acmeAccount).isEmpty());
    }

    void twoDatabasesNeverShareAKey()
    {
        QCOMPARE(cli(words("keys set anthropic --no-verify"), anthropicKey).exitCode, 0);
        const QString first = m_db;
        m_db = m_dir.filePath(QStringLiteral("other.sqlite"));
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("not_set"));
        QCOMPARE(cli(words("keys remove anthropic")).exitCode, 0);
        m_db = first;
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
    }

    void aViewerCannotChangeKeys()
    {
        {
            auto ledger = TestSupport::openLedger(m_db, QStringLiteral("someone-else"));
            QVERIFY(ledger->directory().setMember(Environment::currentUserName(), Role::Viewer).ok());
        }
        const Run set = cli(words("keys set anthropic"), anthropicKey);
        QCOMPARE(set.exitCode, 1);
        QVERIFY(set.err.contains("Owner or Admin"));
        QVERIFY(m_provider.requests.isEmpty());
        QVERIFY(keychainLookup(account({}, "anthropic")).isEmpty());
        QCOMPARE(cli(words("keys status")).exitCode, 0); // reading is for everyone
    }
};

QTEST_GUILESS_MAIN(TestKeyPlans)
#include "tst_keyplans.moc"
