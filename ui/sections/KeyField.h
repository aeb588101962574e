#pragma once

#include "services/PageState.h"

#include "model/KeyRecords.h"
#include "rules/Catalog.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace Ui {

class Session;
class StatusBadge;

// One provider's key: a password field that is never filled from the keychain (it shows the masked key as its
// placeholder), Save, Test and Remove, the state badge and the reason under it. Keychain and provider work is
// asynchronous; the field answers input throughout and a check can be run again. With KeyPurpose::Usage it is the
// provider's usage key: the install's alone, whatever the page shows, and the Owner's to change.
class KeyField : public QWidget
{
    Q_OBJECT

public:
    KeyField(Session& session, const Provider& provider, KeyPurpose purpose = KeyPurpose::Inference,
             QWidget* parent = nullptr);

    // Shows the key of `tenant` (empty: the install) as the page's state has it, times in `timeZone`.
    // `mayChange` allows Test and Remove; `whyNoNewKey` says why a new key cannot be saved here, empty when it can.
    void showScope(const QString& tenant, const PageState::ProviderKeys& keys, const QString& timeZone, bool mayChange,
                   const QString& whyNoNewKey);
    bool isBusy() const { return m_busy; }
    const Provider& provider() const { return m_provider; }

signals:
    // A key was stored, checked or removed: whatever depends on keys reads again.
    void keyChanged();

private:
    void reload();
    void updateControls();
    void showTypedKey();
    void describeState(const QString& reason);
    void save();
    // Stores the typed key; `replaceUnverified` once the administrator confirmed replacing without a verdict.
    void store(const QString& key, bool replaceUnverified);
    void test();
    void removeKey();
    void begin();
    // `failure` is null when the operation went through; the verdict itself is in the ledger.
    void finish(const QString& tenant, const Failure* failure, bool stored);
    void setNote(const QString& note);
    // What the badge's state means for the administrator, beyond the provider's reason.
    QString adviceFor(const KeyRecord& record) const;
    // The user may check or remove the shown key from this machine: an Owner or Admin, and its keychain is here.
    bool mayCheckHere() const;

    bool isUsage() const { return m_purpose == KeyPurpose::Usage; }
    bool isCheckingInBackground() const;

    Session& m_session;
    Provider m_provider;
    KeyPurpose m_purpose;
    QString m_tenant;
    bool m_mayChange = false;
    QString m_whyNoNewKey;
    bool m_busy = false;
    PageState::ProviderKeys m_keys; // as the page's state last had them
    QString m_timeZone;             // the install's, in which times are told
    KeyRecord m_record;             // the key of the shown scope, as shown: state Unused when it is not in force
    QString m_note;                 // the last operation's failure, until the next one or another scope
    QTimer m_retryTimer;            // a throttled key is checked again when the provider said to

    QLineEdit* m_edit; // always a password field: Qt neither copies nor selects out of one
    QToolButton* m_showButton;
    QLabel* m_shownLabel; // Show: the key being typed, as text no one can select
    QPushButton* m_saveButton;
    QPushButton* m_testButton;
    QPushButton* m_removeButton;
    StatusBadge* m_badge;
    QLabel* m_messageLabel;
    QLabel* m_detailLabel;
    QLabel* m_consoleLabel;
};

} // namespace Ui
