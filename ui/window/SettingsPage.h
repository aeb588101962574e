#pragma once

#include "model/Directory.h"
#include "services/PageState.h"

#include <QVector>
#include <QWidget>

#include <functional>
#include <optional>

class QIcon;
class QLabel;
class QPushButton;
class QListWidget;
class QListWidgetItem;
class QStackedWidget;

namespace Ui {

class ActivityPanel;
class AlertWatcher;
class ByokPanel;
class CreditsPanel;
class ModelsPanel;
class NoWheelComboBox;
class PagePart;
class PlanPanel;
class Section;
class Session;

// The Settings > AI page: a tenant selector over sections listed in a sidebar — Overview, Usage, Keys, Models,
// Rate limit, Activity, Organisation — each one click or one key away (Alt+1…, Ctrl+PgUp/PgDn), and remembered between
// runs. Every section reads again whenever the session says something changed.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(Session& session, QWidget* parent = nullptr);

    // Reads everything again, off the window's thread: tenants, role, and each section for the selected tenant;
    // stateShown() follows once the parts show it.
    void reload();
    bool isReading() const;
    // Whether a state was shown yet (the page is filled).
    bool hasShown() const { return m_shown.has_value(); }
    // The state shown last; only with hasShown().
    const PageState& shown() const { return *m_shown; }
    QString selectedTenant() const;

    // The sections in sidebar order, by their object names ("usage", "keys", …).
    QStringList sectionNames() const;
    QString currentSection() const;
    void showSection(const QString& name);

    // A section is built when it is first shown, and the others one by one once the page is filled (the window
    // opens with only the section it shows); these build theirs when asked.
    bool isBuilt() const;
    // Every section built and showing the last state read, none being read: what tests, the benchmark and the
    // screenshots wait for.
    bool isSettled() const { return hasShown() && !isReading() && isBuilt(); }
    CreditsPanel* credits();
    ModelsPanel* models();
    ByokPanel* byok();
    ActivityPanel* activity();
    PlanPanel* plan();

    // The sections whose shown values differ from the applied ones; their sidebar titles carry a mark.
    QVector<Section*> dirtySections() const;
    // Before the window closes or another ledger opens: asks once about every dirty section (Save, Discard or
    // Cancel). False when the admin cancels or a section refuses to save (it then shows why, and is shown).
    bool settleChanges();
    // The one Apply / Revert place: for the dirty sections of the section shown. Apply first says what each
    // change will do (Section::confirmation) and asks; a refusal stops there, shown by its section.
    void applyShown();
    void revertShown();

signals:
    // The Overview's first steps ask for File › Import Usage….
    void importRequested();
    // The page shows a state just read (or why none could be read).
    void stateShown();

private:
    void addSection(const QString& name, const QString& title, const QIcon& icon, bool scrolls,
                    std::function<QList<QWidget*>()> build);
    void build(int row);
    void build(const QString& name);
    int nextToBuild() const; // the first section in sidebar order not built yet; -1: none
    PageRequest request() const;
    void showRole(const QVector<PagePart*>& parts, Role role);
    void buildNextInTurn();
    void showState(const Result<PageState>& state);
    void showTenants(const QVector<Tenant>& tenants);
    void step(int by);
    void markDirtySections();
    QVector<Section*> dirtyShown() const;

    Session& m_session;
    NoWheelComboBox* m_tenantCombo;
    QLabel* m_readOnlyLabel;
    std::optional<PageState> m_shown; // the state shown last, for a section built after it
    PageRequest m_asked;              // what was asked to be read last
    QListWidget* m_sectionList;
    QStackedWidget* m_sections;
    CreditsPanel* m_credits = nullptr;
    ByokPanel* m_byok = nullptr;
    ModelsPanel* m_models = nullptr;
    ActivityPanel* m_activity = nullptr;
    PlanPanel* m_plan = nullptr;
    struct PlannedSection
    {
        QString title;
        bool scrolls;
        std::function<QList<QWidget*>()> build; // its panels; empty once built
    };
    QVector<PlannedSection> m_planned; // in sidebar order
    struct EditedSection
    {
        Section* section;
        QListWidgetItem* item; // its place in the sidebar
        QString title;         // the item's title without the mark
    };
    QVector<EditedSection> m_edited;
    QVector<PagePart*> m_parts; // every part of the page, each shown from the page's state
    QWidget* m_applyBar;
    QLabel* m_changesLabel;
    QPushButton* m_applyButton;
    QPushButton* m_revertButton;
    AlertWatcher* m_alerts;
};

} // namespace Ui
