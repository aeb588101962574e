#pragma once

#include "keys/KeyVault.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

class QDBusMessage;

// Why no keychain answers, and the one fix that applies: probes, in order, the D-Bus session bus, an owner of
// the Secret Service (org.freedesktop.secrets; or KWallet's daemon without it), the default collection and
// whether it is unlocked, then a write, read and delete of a throw-away entry. It stops at the first step that
// fails, before anything that could make the keyring ask for a password; the whole probe answers within 10 s.
class KeychainDoctor : public QObject
{
    Q_OBJECT

public:
    enum class Finding
    {
        Works,
        NoSessionBus,
        NoSecretService,
        KWalletWithoutSecretService,
        SecretServiceSilent,
        NoDefaultCollection,
        Locked,
        RoundTripFailed,
        TooSlow,
    };
    struct Diagnosis
    {
        Finding finding = Finding::TooSlow;
        QStringList passed; // the steps that passed, a sentence each: "Session bus: reachable."
        QString detail;     // what the failing step saw, or the default collection's name
        bool works() const { return finding == Finding::Works; }
    };
    static constexpr int boundMs = 10000;

    explicit KeychainDoctor(QObject* parent = nullptr);

    // Starts the probe; `finished` follows exactly once, within boundMs.
    void start();
    // What the diagnosis means, in one sentence that names the fix (or says that the keychain works).
    static QString verdict(const Diagnosis& diagnosis);

signals:
    void finished(const KeychainDoctor::Diagnosis& diagnosis);

private:
    // Asks the bus or the Secret Service; `answered` gets the reply, or an error message.
    void call(const QDBusMessage& message, std::function<void(const QDBusMessage& reply)> answered);
    void askOwner();
    void askKWallet();
    void askDefaultCollection();
    void askLocked(const QString& collection);
    void roundTrip();
    void pass(const QString& step);
    // An answer of an earlier run, or of this one after it finished, is ignored.
    bool stale(quint64 run) const { return run != m_run || m_done; }
    void finish(Finding finding, const QString& detail = {});

    KeyVault m_vault; // its own: the round trip's bound is what is left of the probe's
    QTimer m_bound;
    Diagnosis m_diagnosis;
    bool m_done = true;
    quint64 m_run = 0; // answers of an earlier run are ignored
};
