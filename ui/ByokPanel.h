#pragma once

#include <QGroupBox>

class QLabel;

namespace Ui {

class KeyField;
class Session;

// Bring Your Own Key: one field per provider for the selected install or tenant, and which key is in force.
class ByokPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit ByokPanel(Session& session, QWidget* parent = nullptr);

    void showTenant(const QString& tenant);

private:
    Session& m_session;
    QLabel* m_scopeLabel;
    QLabel* m_inForceLabel;
    QList<KeyField*> m_fields;
};

} // namespace Ui
