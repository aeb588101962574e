#pragma once

#include "sections/PagePart.h"

#include <QGroupBox>

class KeychainDoctor;
class QLabel;
class QPushButton;

namespace Ui {

class KeyField;
class Session;

// Bring Your Own Key: one field per provider for the selected install or tenant, and which key is in force.
class ByokPanel : public QGroupBox, public PagePart
{
    Q_OBJECT

public:
    explicit ByokPanel(Session& session, QWidget* parent = nullptr);

    void load(const PageState& state) override;

protected:
    // The keychain is probed when the keys are first shown, not before: the probe writes a throw-away entry.
    void showEvent(QShowEvent* event) override;

private:
    void checkKeychain();

    Session& m_session;
    QLabel* m_scopeLabel;
    QLabel* m_inForceLabel;
    QLabel* m_keychainLabel;
    QPushButton* m_keychainButton;
    KeychainDoctor* m_doctor;
    bool m_keychainChecked = false;
    QList<KeyField*> m_fields;
};

} // namespace Ui
