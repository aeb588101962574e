#pragma once

#include <QGroupBox>
#include <QMap>

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
    KeyField* field(const QString& provider) const;

private:
    Session& m_session;
    QString m_tenant;
    QLabel* m_scopeLabel;
    QLabel* m_inForceLabel;
    QMap<QString, KeyField*> m_fields; // by provider id
};

} // namespace Ui
