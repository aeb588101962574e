#pragma once

#include "support/Result.h"

#include "sections/PagePart.h"

#include <QGroupBox>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace Ui {

class AuditModel;
class Session;

// The activity log: who changed keys, the plan, models, the billing period, tenants and members, and who imported
// what, newest first; filtered by kind, person and dates, and exported as CSV. Keys appear by fingerprint only.
class ActivityPanel : public QGroupBox, public PagePart
{
    Q_OBJECT

public:
    explicit ActivityPanel(Session& session, QWidget* parent = nullptr);

    // Shows the trail as the page read it, by the filters shown (ask).
    void load(const PageState& state) override;
    void ask(PageRequest& request) const override;
    // What Export CSV… does once a file is chosen: the sentence it shows, or why it failed.
    Result<QString> exportTo(const QString& path);
    AuditModel* model() const { return m_model; }

private:
    void applyFilter();
    void showPeople(const QStringList& people);
    void exportCsv();
    void showCount();

    Session& m_session;
    AuditModel* m_model;
    QComboBox* m_kindCombo;
    QComboBox* m_personCombo;
    QDateEdit* m_fromEdit;
    QDateEdit* m_toEdit;
    QPushButton* m_exportButton;
    QLabel* m_countLabel;
    QTableView* m_table;
};

} // namespace Ui
