#pragma once

#include "sections/PagePart.h"

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Ui {

class Session;

// The tenants: add one (id and display name), rename the selected one, or remove it after saying what goes
// (its keys, from the keychain too) and what stays (its past usage). Owner or Admin.
class TenantsPanel : public QGroupBox, public PagePart
{
    Q_OBJECT

public:
    explicit TenantsPanel(Session& session, QWidget* parent = nullptr);

    void load(const PageState& state) override;

private:
    QString selectedId() const;
    void showSelection();
    void add();
    void rename();
    void remove();

    Session& m_session;
    QTableWidget* m_table;
    QLineEdit* m_idEdit;
    QLineEdit* m_nameEdit;
    QPushButton* m_addButton;
    QLineEdit* m_renameEdit;
    QPushButton* m_renameButton;
    QPushButton* m_removeButton;
    QLabel* m_outcomeLabel;
    QLabel* m_emptyLabel; // in place of an empty table: what a tenant is and how to add one
};

} // namespace Ui
