#include "KeysFixture.h"

// Replacing a stored key: only once the new one is checked, or confirmed, and a key held in another
// machine's keychain is checked and removed there.
class TestKeyReplace : public KeysFixture
{
    Q_OBJECT

private slots:
    void aMisplacedReplacementKeepsTheKeyInForce()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        QCOMPARE(cli(words("keys set anthropic"), openAiKey).exitCode, 2);
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("active"));
    }

    // Defect 1 of the keys issue: a revoked key typed over a working one no longer replaces it.
    void aRejectedReplacementChangesNothing()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        m_provider.respond(401,
                           R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})",
                           {{"request-id", "req_011Revoked"}});
        const Run replaced = cli(words("keys set anthropic"), replacementKey);
        QCOMPARE(replaced.exitCode, 1);
        QCOMPARE(replaced.err.count('\n'), 1);
        QVERIFY2(replaced.err.contains("Anthropic rejected the key (401, request req_011Revoked): invalid x-api-key; "
                                       "the stored key ending wxyz is kept."),
                 replaced.err.constData());
        QCOMPARE(m_provider.requests.last().header("x-api-key"), replacementKey); // the new key was the one checked
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
        const QJsonObject s = status(QStringLiteral("anthropic"));
        QCOMPARE(s[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QCOMPARE(s[QStringLiteral("fingerprint")].toString(), QStringLiteral("wxyz"));
        QCOMPARE(cli(words("record --action content")).exitCode, 0);
        QCOMPARE(keyAudit("anthropic").last(),
                 QStringLiteral("kept install key …wxyz; new key …rpl9 not stored: invalid (request req_011Revoked)"));
    }

    void aReplacementWithoutAVerdictWaitsForConfirmation()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        m_provider.respond(503, R"({"type":"error","error":{"type":"api_error","message":"Service unavailable"}})");
        const Run held = cli(words("keys set anthropic"), replacementKey);
        QCOMPARE(held.exitCode, 3);
        QVERIFY2(
            held.err.contains("Anthropic is having trouble (503); the stored key ending wxyz is kept; to replace it "
                              "anyway, add --replace-unverified."),
            held.err.constData());
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("active"));
        // --no-verify cannot slip a key past the check either.
        const Run unchecked = cli(words("keys set anthropic --no-verify"), replacementKey);
        QCOMPARE(unchecked.exitCode, 1);
        QVERIFY(unchecked.err.contains("--replace-unverified"));
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);

        // Confirmed: the new key replaces the old one, and says it is not verified.
        const Run confirmed = cli(words("keys set anthropic --replace-unverified"), replacementKey);
        QCOMPARE(confirmed.exitCode, 3);
        QVERIFY(confirmed.err.contains("is stored but not verified"));
        QCOMPARE(keychainLookup(account({}, "anthropic")), replacementKey);
        const QJsonObject s = status(QStringLiteral("anthropic"));
        QCOMPARE(s[QStringLiteral("state")].toString(), QStringLiteral("not_verified"));
        QCOMPARE(s[QStringLiteral("fingerprint")].toString(), QStringLiteral("rpl9"));
        QCOMPARE(keyAudit("anthropic").last(), QStringLiteral("replaced install key …wxyz → …rpl9: not_verified"));
    }

    void anAcceptedReplacementTakesOverAndIsAudited()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        QCOMPARE(cli(words("keys set anthropic"), replacementKey).exitCode, 0);
        QCOMPARE(keychainLookup(account({}, "anthropic")), replacementKey);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("fingerprint")].toString(), QStringLiteral("rpl9"));
        QCOMPARE(keyAudit("anthropic").last(), QStringLiteral("replaced install key …wxyz → …rpl9: active"));
    }

    void anInvalidKeyIsReplacedWithoutConfirmation()
    {
        m_provider.respond(401,
                           R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 1);
        m_provider.stall();
        QElapsedTimer wall;
        wall.start();
        // Nothing works now, so there is nothing to lose: a key the provider cannot judge replaces it.
        const Run set = cli(words("keys set anthropic"), replacementKey);
        QVERIFY2(wall.elapsed() <= 15000, qPrintable(QStringLiteral("keys set took %1 ms").arg(wall.elapsed())));
        QCOMPARE(set.exitCode, 3);
        QCOMPARE(keychainLookup(account({}, "anthropic")), replacementKey);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(),
                 QStringLiteral("not_verified"));
    }

    // A shared ledger: the key sits in the keychain of the machine that stored it; the others say whose.
    void aKeyHeldInAnotherKeychainIsCheckedAndRemovedThere()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("holder")].toString(),
                 Environment::keychainHolder());
        {
            auto ledger = TestSupport::openLedger(m_db, Environment::currentUserName());
            KeyRecord r = ledger->keys().keyRecord({}, QStringLiteral("anthropic")).value();
            r.holder = QStringLiteral("alice@desk-7");
            QVERIFY(ledger->keys().setKeyRecord(r, KeyChange::Checked).ok());
        }
        m_provider.requests.clear();
        for (const char* verb : {"keys verify anthropic", "keys remove anthropic"}) {
            const Run r = cli(words(verb));
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.err, QByteArray("The Anthropic key for the install is kept in the keychain of alice on desk-7; "
                                       "Test and Remove work there.\n"));
        }
        QVERIFY(m_provider.requests.isEmpty());
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QVERIFY(cli(words("keys status")).out.contains("kept in the keychain of alice on desk-7"));
        // A new key saved here lives in this keychain from then on.
        QCOMPARE(cli(words("keys set anthropic"), replacementKey).exitCode, 0);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("holder")].toString(),
                 Environment::keychainHolder());
    }
};

QTEST_GUILESS_MAIN(TestKeyReplace)
#include "tst_keyreplace.moc"
