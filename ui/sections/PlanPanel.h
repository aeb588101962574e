#pragma once

#include "sections/Section.h"

#include <QGroupBox>

class QLabel;
class QPushButton;
class QTableWidget;
struct Plan;

namespace Ui {

class Session;
class SettingField;

// The plan: which one is in force, what changing it does (an upgrade at once, a downgrade at the next period),
// and the product pages' typical month beside the actual mix of the last three periods. Only an Owner changes it.
class PlanPanel : public QGroupBox, public Section
{
    Q_OBJECT

public:
    explicit PlanPanel(Session& session, QWidget* parent = nullptr);

    // Shows the plan set; a plan the Owner is still choosing stays shown.
    void load(const PageState& state) override;

    QString sectionName() const override { return title(); }
    bool isDirty() const override;
    // Changes the plan to the one shown (the page asked first, with confirmation()).
    Status apply() override;
    void discard() override;
    QString confirmation() const override;
    void setReadOnly(const QString& reason) override;
    bool mayEdit(Role role) const override; // as the plan's declaration says

private:
    void explainChoice();
    void showMix(const Plan& plan);

    Session& m_session;
    SettingField* m_plan; // the plan set (in force, or pending after a downgrade), for an Owner; in force else
    QLabel* m_effectLabel;
    QLabel* m_typicalLabel;
    QTableWidget* m_mixTable;
    QLabel* m_outcomeLabel;
    QString m_outcomeFor; // the plan the outcome is about: it goes when another is shown
    QString m_readOnly;   // why the plan cannot be changed here; empty: it can
    std::optional<PageState> m_state;
};

} // namespace Ui
