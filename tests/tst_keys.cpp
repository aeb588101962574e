#include "KeysFixture.h"

// `ai-settings keys` end to end: storing a key in the keychain and checking it with the provider, what its
// state does to its actions, the audit trail, and a system without a Secret Service.
class TestKeys : public KeysFixture
{
    Q_OBJECT

private slots:
    void setStoresTheKeyInTheKeychainAndOnlyItsFingerprintInTheDatabase()
    {
        const Run set = cli(words("keys set anthropic --no-verify"), anthropicKey + "\n");
        QCOMPARE(set.exitCode, 0);
        QVERIFY(set.out.contains("sk-ant-••••••••wxyz"));
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
        QVERIFY(keychainSearch().contains(account({}, "anthropic").toUtf8()));
        QVERIFY(m_provider.requests.isEmpty()); // --no-verify

        const QJsonObject s = status(QStringLiteral("anthropic"));
        QCOMPARE(s[QStringLiteral("state")].toString(), QStringLiteral("not_verified"));
        QCOMPARE(s[QStringLiteral("fingerprint")].toString(), QStringLiteral("wxyz"));
        QCOMPARE(s[QStringLiteral("source")].toString(), QStringLiteral("install"));
        QVERIFY(s[QStringLiteral("checked_at")].isNull());
        const Run text = cli(words("keys status"));
        QVERIFY(text.out.contains("sk-ant-••••••••wxyz"));
        QVERIFY(text.out.contains("Not verified"));
        QVERIFY(text.out.contains("Not set")); // OpenAI
        // One sentence after another, no bracket inside a bracket, no full stop before a semicolon.
        QVERIFY2(text.out.contains("\n          Anthropic actions use the install's key: Not verified.\n"),
                 text.out.constData());
        QVERIFY2(!text.out.contains("(Not verified)"), text.out.constData());
        QVERIFY2(!text.out.contains(".;"), text.out.constData());
        QCOMPARE(status(QStringLiteral("openai"))[QStringLiteral("source")].toString(), QStringLiteral("credits"));
    }

    void providerAnswers_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("message");
        const QByteArray a401 =
            R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})";
        const QByteArray o401 =
            R"({"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}})";
        const QByteArray quota =
            R"({"error":{"message":"You exceeded your current quota.","type":"insufficient_quota"}})";
        QTest::newRow("anthropic 200") << "anthropic" << 200 << models << QByteArray() << 0 << "active"
                                       << "Active (BYOK)"
                                       << "";
        QTest::newRow("openai 200") << "openai" << 200
                                    << QByteArray(R"({"object":"list","data":[{"id":"gpt-image-1"}]})") << QByteArray()
                                    << 0 << "active"
                                    << "Active (BYOK)"
                                    << "";
        QTest::newRow("anthropic 401") << "anthropic" << 401 << a401 << QByteArray() << 1 << "invalid"
                                       << "Invalid key"
                                       << "Anthropic rejected the key (401): invalid x-api-key.";
        QTest::newRow("openai 401") << "openai" << 401 << o401 << QByteArray() << 1 << "invalid"
                                    << "Invalid key"
                                    << "OpenAI rejected the key (401): Incorrect API key provided.";
        QTest::newRow("403") << "anthropic" << 403
                             << QByteArray(
                                    R"({"type":"error","error":{"type":"permission_error","message":"no access"}})")
                             << QByteArray() << 1 << "invalid"
                             << "Invalid key"
                             << "Anthropic rejected the key (403): no access.";
        QTest::newRow("429 retry-after") << "anthropic" << 429 << QByteArray("{}") << QByteArray("30") << 3
                                         << "throttled"
                                         << "Throttled"
                                         << "Anthropic is limiting requests (429); check again in 30 seconds.";
        QTest::newRow("429 no retry-after")
            << "anthropic" << 429 << QByteArray("{}") << QByteArray() << 3 << "not_verified"
            << "Not verified"
            << "Anthropic is limiting requests (429) and did not say when";
        QTest::newRow("429 quota")
            << "openai" << 429 << quota << QByteArray("5") << 1 << "out_of_budget"
            << "Out of budget"
            << "The OpenAI account behind this key is out of budget (429): You exceeded your current quota";
        QTest::newRow("429 spend limit")
            << "anthropic" << 429
            << QByteArray(
                   R"({"type":"error","error":{"type":"enforced_spend_limit_reached","message":"spend limit reached"}})")
            << QByteArray() << 1 << "out_of_budget"
            << "Out of budget"
            << "The Anthropic account behind this key is out of budget (429): spend limit reached; raise its spend "
               "limit or add credit at console.anthropic.com.";
        QTest::newRow("429 monthly spend limit, retry-after")
            << "anthropic" << 429
            << QByteArray("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"This request "
                          "would exceed your account's monthly spend limit. Please try again later.\"}}")
            << QByteArray("600") << 1 << "out_of_budget"
            << "Out of budget"
            << "The Anthropic account behind this key is out of budget (429): This request would exceed your account's "
               "monthly spend limit. Please try again later;";
        QTest::newRow("529") << "anthropic" << 529
                             << QByteArray(
                                    R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})")
                             << QByteArray() << 3 << "not_verified"
                             << "Not verified"
                             << "Anthropic is overloaded (529)";
        QTest::newRow("garbage") << "anthropic" << 200 << QByteArray("<html>portal</html>") << QByteArray() << 3
                                 << "not_verified"
                                 << "Not verified"
                                 << "Anthropic answered with something that is not a model list";
        QTest::newRow("stalled") << "openai" << -1 << QByteArray() << QByteArray() << 3 << "not_verified"
                                 << "Not verified"
                                 << "OpenAI did not answer within 1"; // 14 or 15 s: the bound is for the whole command
    }

    void providerAnswers()
    {
        QFETCH(QString, provider);
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(QString, message);
        if (httpStatus < 0)
            m_provider.stall();
        else if (retryAfter.isEmpty())
            m_provider.respond(httpStatus, body);
        else
            m_provider.respond(httpStatus, body, {{"retry-after", retryAfter}});
        const QByteArray key = provider == QLatin1String("anthropic") ? anthropicKey : openAiKey;
        QElapsedTimer wall;
        wall.start();
        const Run set = cli({QStringLiteral("keys"), QStringLiteral("set"), provider}, key);
        QTEST(set.exitCode, "exitCode");
        // A silent provider is waited for 15 s at most, for the whole command, process start included.
        QVERIFY2(wall.elapsed() <= 15000, qPrintable(QStringLiteral("keys set took %1 ms").arg(wall.elapsed())));

        QCOMPARE(m_provider.requests.size(), 1);
        const FakeProvider::Request& request = m_provider.requests.first();
        QCOMPARE(request.method, QByteArray("GET"));
        QVERIFY(request.path.startsWith("/v1/models"));
        QVERIFY(request.header("user-agent").startsWith("ai-settings/"));
        if (provider == QLatin1String("anthropic")) {
            QCOMPARE(request.header("x-api-key"), anthropicKey);
            QCOMPARE(request.header("anthropic-version"), QByteArray("2023-06-01"));
        } else {
            QCOMPARE(request.header("authorization"), "Bearer " + openAiKey);
        }

        const QJsonObject s = status(provider);
        QTEST(s[QStringLiteral("state")].toString(), "state");
        QVERIFY2(s[QStringLiteral("message")].toString().startsWith(message),
                 qPrintable(s[QStringLiteral("message")].toString()));
        QVERIFY(!s[QStringLiteral("checked_at")].isNull());
        QCOMPARE(keychainLookup(account({}, provider.toLatin1().constData())), key); // kept, whatever the verdict
        QFETCH(QString, label);
        QVERIFY(cli(words("keys status")).out.contains(label.toUtf8()));
        if (set.exitCode != 0)
            QVERIFY(set.err.contains(message.toUtf8()));
        if (s[QStringLiteral("state")].toString() == QLatin1String("active") && provider == QLatin1String("anthropic"))
            QCOMPARE(s[QStringLiteral("models")].toArray().size(), 2);
        // A throttled key says when it is due to be checked again; no other state has such a time.
        QCOMPARE(s[QStringLiteral("retry_at")].isNull(),
                 s[QStringLiteral("state")].toString() != QLatin1String("throttled"));
        QCOMPARE(s[QStringLiteral("in_force")].toBool(), true);
    }

    void anActiveKeyMakesItsActionsFreeAndShowsThemAsByok()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        const Run content = cli(words("record --action content"));
        QCOMPARE(content.exitCode, 0);
        QJsonObject row = actionRow(QStringLiteral("content"));
        QCOMPARE(row[QStringLiteral("count")].toInt(), 1);
        QCOMPARE(row[QStringLiteral("credits")].toInt(), 0);
        QCOMPARE(row[QStringLiteral("byok_count")].toInt(), 1);
        // Images belong to OpenAI, which has no key here: they still cost credits.
        QCOMPARE(cli(words("record --action image")).exitCode, 0);
        QCOMPARE(actionRow(QStringLiteral("image"))[QStringLiteral("credits")].toInt(), 10);
        const Run report = cli(words("report --json"));
        QCOMPARE(QJsonDocument::fromJson(report.out)[QStringLiteral("used")].toInt(), 10);

        // Removed: the keychain entry is gone and content goes back to credits.
        const Run removed = cli(words("keys remove anthropic"));
        QCOMPARE(removed.exitCode, 0);
        QVERIFY(keychainLookup(account({}, "anthropic")).isEmpty());
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("not_set"));
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("source")].toString(), QStringLiteral("credits"));
        QCOMPARE(cli(words("record --action content")).exitCode, 0);
        row = actionRow(QStringLiteral("content"));
        QCOMPARE(row[QStringLiteral("count")].toInt(), 2);
        QCOMPARE(row[QStringLiteral("credits")].toInt(), 5); // content on Sonnet
    }

    void anInvalidKeyRefusesItsActions()
    {
        m_provider.respond(401,
                           R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 1);
        const Run refused = cli(words("record --action analysis"));
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.err.trimmed(),
                 QStringLiteral("Your organisation's Claude API key is invalid. Update it in Settings → AI.").toUtf8());
        QCOMPARE(actionRow(QStringLiteral("analysis"))[QStringLiteral("count")].toInt(), 0);
        // Checked again once the provider accepts it: active, and the action runs.
        m_provider.respond(200, models);
        QCOMPARE(cli(words("keys verify anthropic")).exitCode, 0);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QCOMPARE(cli(words("record --action analysis")).exitCode, 0);
    }

    void malformedKeysAreRefusedAndNothingIsStored_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("openai key in anthropic") << "anthropic" << openAiKey << "enter it in the OpenAI field";
        QTest::newRow("anthropic key in openai") << "openai" << anthropicKey << "enter it in the Anthropic field";
        QTest::newRow("bad characters") << "anthropic" << QByteArray("sk-ant-api03-abc def$ghijklmnopqrstuvwxyz") << "";
        QTest::newRow("too short") << "anthropic" << QByteArray("sk-ant-abc") << "";
        QTest::newRow("empty") << "openai" << QByteArray("  \n") << "No key arrived on standard input";
    }

    void malformedKeysAreRefusedAndNothingIsStored()
    {
        QFETCH(QString, provider);
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        const Run set = cli({QStringLiteral("keys"), QStringLiteral("set"), provider}, input);
        QCOMPARE(set.exitCode, 2);
        QCOMPARE(set.err.count('\n'), 1); // one sentence
        QVERIFY2(set.err.contains(message.toUtf8()), set.err.constData());
        QVERIFY(!set.err.contains(input.trimmed()) || input.trimmed().isEmpty());
        QVERIFY(m_provider.requests.isEmpty());
        QVERIFY(keychainLookup(account({}, provider.toLatin1().constData())).isEmpty());
        QCOMPARE(status(provider)[QStringLiteral("state")].toString(), QStringLiteral("not_set"));
    }
    void theAuditTrailSaysWhoChangedWhatAndNeverTheKey()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        QCOMPARE(cli(words("keys set anthropic"), replacementKey).exitCode, 0);
        QCOMPARE(cli(words("plan set enterprise")).exitCode, 0);
        const QString file = m_dir.filePath(QStringLiteral("october.csv"));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("id,occurred_at,tenant,action,model,billing,credits\no1,2026-10-05T09:00:00Z,,trigger,,credits,\n");
        csv.close();
        QCOMPARE(cli(QStringList{QStringLiteral("import"), file}).exitCode, 0);

        const Run all = cli(words("audit --json"));
        QCOMPARE(all.exitCode, 0);
        const QJsonArray entries = QJsonDocument::fromJson(all.out).array();
        QStringList seen;
        for (const QJsonValue& v : entries) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e[QStringLiteral("actor")].toString(), Environment::currentUserName());
            QVERIFY(IsoTime::parse(e[QStringLiteral("at")].toString()));
            seen << e[QStringLiteral("kind")].toString() + QLatin1Char(' ') + e[QStringLiteral("change")].toString();
        }
        // Newest first.
        QCOMPARE(seen.value(0), QStringLiteral("import imported 1 of 1 events (20 credits) from \"october.csv\""));
        QCOMPARE(seen.value(1), QStringLiteral("plan essentials -> enterprise"));
        QCOMPARE(seen.value(2), QStringLiteral("key replaced install key …wxyz → …rpl9: active"));
        QVERIFY2(!seen.mid(3).filter(QRegularExpression(QStringLiteral("^key set install key …wxyz: "))).isEmpty(),
                 qPrintable(seen.join(QLatin1Char('\n'))));

        const Run keysOnly = cli(words("audit --kind key"));
        QCOMPARE(keysOnly.out.count('\n'), seen.filter(QRegularExpression(QStringLiteral("^key "))).size());
        QVERIFY(keysOnly.out.count('\n') >= 2);
        QVERIFY(!keysOnly.out.contains("enterprise"));
        QCOMPARE(cli(words("audit --kind plan --json")).out.count("\"kind\":\"plan\""), 1);
        QCOMPARE(QJsonDocument::fromJson(cli(words("audit --since 2000-01-01 --user nobody-here --json")).out)
                     .array()
                     .size(),
                 0);
        const Run badKind = cli(words("audit --kind keys"));
        QCOMPARE(badKind.exitCode, 2);
        QVERIFY(badKind.err.startsWith("Unknown kind \"keys\"; expected one of key, plan"));
        for (const QByteArray& key : {anthropicKey, replacementKey})
            QVERIFY2(!all.out.contains(key.mid(key.size() - 12, 8)), "a key's bytes are in the audit trail");
    }

    void theKeyNeverLeavesTheKeychain()
    {
        // Hold the database open so that SQLite keeps its write-ahead log for inspection.
        auto reader = TestSupport::openLedger(m_db, Environment::currentUserName());
        QByteArray captured;
        auto run = [&](const QStringList& args, const QByteArray& input = {}) {
            const Run r = cli(args, input);
            captured += r.out + r.err;
            return r.exitCode;
        };
        QCOMPARE(run(words("keys set anthropic"), anthropicKey), 0);
        QCOMPARE(run(words("keys set openai"), openAiKey), 0);
        QCOMPARE(run(words("record --action content")), 0);
        m_provider.respond(401, R"({"error":{"message":"Incorrect API key provided: )" + openAiKey +
                                    R"(.","code":"invalid_api_key"}})");
        QCOMPARE(run(words("keys verify openai")), 1); // the provider quotes the key back; it must not come through
        m_provider.respond(529, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})");
        QCOMPARE(run(words("keys set anthropic"), anthropicKey + "\n"), 3);
        QCOMPARE(run(words("keys set openai"), "sk-ant-api03-" + openAiKey.mid(8)), 2);
        QCOMPARE(run(words("keys status")), 0);
        QCOMPARE(run(words("keys status --json")), 0);
        QCOMPARE(run(words("audit")), 0);
        QCOMPARE(run(words("audit --json")), 0);
        QCOMPARE(run(words("export --format jsonl")), 0);
        QCOMPARE(run(words("keys remove anthropic")), 0);
        QCOMPARE(run(words("keys remove openai")), 0);

        QStringList files{m_db, m_db + QStringLiteral("-wal"), m_db + QStringLiteral("-shm")};
        QVERIFY(QFile::exists(m_db + QStringLiteral("-wal")));
        QDirIterator config(m_dir.filePath(QStringLiteral("config")), QDir::Files, QDirIterator::Subdirectories);
        while (config.hasNext())
            files << config.next();
        QByteArray stored;
        for (const QString& path : files) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                stored += f.readAll();
        }
        QVERIFY(stored.size() > 4096);
        for (const QByteArray& key : {anthropicKey, openAiKey}) {
            // The whole key, and its distinctive middle, in plain bytes and as UTF-16 (Qt's strings).
            const QByteArray middle = key.mid(key.size() - 12, 8);
            for (const QByteArray& needle :
                 {key, middle,
                  QByteArray(reinterpret_cast<const char*>(QString::fromLatin1(middle).utf16()), middle.size() * 2)}) {
                QVERIFY2(!stored.contains(needle), "a key's bytes are in the database or the settings");
                QVERIFY2(!captured.contains(needle), "a key's bytes are in the program's output");
            }
        }
        QVERIFY(captured.contains("wxyz")); // the fingerprint is all that shows
    }

    void withoutASecretServiceKeysFailClearlyAndTheRestWorks_data()
    {
        QTest::addColumn<bool>("busRunning");
        QTest::newRow("D-Bus without a Secret Service") << true;
        QTest::newRow("no D-Bus session at all") << false;
    }

    void withoutASecretServiceKeysFailClearlyAndTheRestWorks()
    {
        QFETCH(bool, busRunning);
        std::optional<PrivateBus> bus;
        QProcessEnvironment e = env();
        if (busRunning) {
            bus.emplace();
            e.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus->address());
        } else {
            e.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                     QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus")));
            e.remove(QStringLiteral("DISPLAY"));
        }
        const Run set = cli(words("keys set anthropic"), anthropicKey, e);
        QCOMPARE(set.exitCode, 3);
        QCOMPARE(set.err.count('\n'), 1);
        QVERIFY2(set.err.startsWith("The key could not be saved: "), set.err.constData());
        QVERIFY2(set.err.contains(busRunning ? "no keychain service is running" : "no D-Bus session"),
                 set.err.constData());
        QVERIFY(m_provider.requests.isEmpty());
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("not_set"));
        QCOMPARE(cli(words("report"), {}, e).exitCode, 0);
        QCOMPARE(cli(words("keys status"), {}, e).exitCode, 0);
        QCOMPARE(cli(words("record --action theme"), {}, e).exitCode, 0);
        QCOMPARE(cli(words("tenants add beta"), {}, e).exitCode, 0);
        QCOMPARE(cli(words("tenants remove beta"), {}, e).exitCode, 0); // no keys: the keychain is not needed
    }
};

QTEST_GUILESS_MAIN(TestKeys)
#include "tst_keys.moc"
