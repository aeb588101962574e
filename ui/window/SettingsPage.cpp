#include "window/SettingsPage.h"

#include "sections/ActivityPanel.h"
#include "sections/ByokPanel.h"
#include "sections/CreditCostsPanel.h"
#include "sections/CreditsPanel.h"
#include "sections/MembersPanel.h"
#include "sections/ModelsPanel.h"
#include "sections/OverviewPanel.h"
#include "sections/PagePart.h"
#include "sections/PeriodPanel.h"
#include "sections/PlanPanel.h"
#include "sections/RateLimitPanel.h"
#include "sections/Section.h"
#include "sections/SpendPanel.h"
#include "sections/TenantsPanel.h"
#include "sections/UsageKeysPanel.h"
#include "session/AlertWatcher.h"
#include "session/Session.h"
#include "widgets/Ask.h"
#include "widgets/NoWheelComboBox.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QProxyStyle>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QStyleOptionGroupBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace Ui {

namespace {

QSettings pageSettings()
{
    return QSettings(QStringLiteral("ai-settings"), QStringLiteral("window"));
}
const QString sectionKey = QStringLiteral("page/section");

// What applying each section would do, as the question before it says (a new reset day's periods, say).
QStringList confirmations(const QVector<Section*>& sections)
{
    QStringList said;
    for (const Section* s : sections)
        if (const QString c = s->confirmation(); !c.isEmpty())
            said << c;
    return said;
}

// The application's style, but a group box drawn without its frame: its title alone marks the part.
class HeadingStyle : public QProxyStyle
{
public:
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option, QPainter* painter,
                            const QWidget* widget) const override
    {
        if (const auto* box = qstyleoption_cast<const QStyleOptionGroupBox*>(option); box && control == CC_GroupBox) {
            QStyleOptionGroupBox titleOnly(*box);
            titleOnly.subControls &= ~SC_GroupBoxFrame;
            return QProxyStyle::drawComplexControl(control, &titleOnly, painter, widget);
        }
        QProxyStyle::drawComplexControl(control, option, painter, widget);
    }
};

// The box's title as a heading, its contents in the page's font.
void showAsHeading(QGroupBox* box)
{
    static QPointer<HeadingStyle> style;
    if (!style) {
        style = new HeadingStyle;
        style->setParent(qApp);
    }
    QFont body = box->font();
    body.setPointSizeF(body.pointSizeF()); // set, so that it is the children's own and not the box's, inherited
    body.setWeight(body.weight());
    for (QWidget* child : box->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
        if (!child->testAttribute(Qt::WA_SetFont))
            child->setFont(body);
    QFont heading = body;
    heading.setPointSizeF(body.pointSizeF() * 1.15);
    heading.setWeight(QFont::DemiBold);
    box->setFont(heading);
    box->setStyle(style);
}

// Sidebar rows 5 px taller above and below their text. (A style sheet would do the same, but every paint of the
// list would then go through the style sheet's style.)
class PaddedRows : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(0, 10);
    }
};

} // namespace

SettingsPage::SettingsPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_tenantCombo(new NoWheelComboBox), m_readOnlyLabel(new QLabel),
      m_sectionList(new QListWidget), m_sections(new QStackedWidget), m_applyBar(new QWidget),
      m_changesLabel(new QLabel), m_applyButton(new QPushButton(tr("&Apply"))),
      m_revertButton(new QPushButton(tr("&Revert"))), m_alerts(new AlertWatcher(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    auto* layout = new QVBoxLayout(this);

    auto* title = new QLabel(tr("<h2>Settings › AI</h2>"));
    auto* showing = new QLabel(tr("&Showing:"));
    showing->setBuddy(m_tenantCombo);
    m_tenantCombo->setObjectName(QStringLiteral("tenantCombo"));
    m_tenantCombo->setAccessibleName(tr("Install or tenant shown"));
    m_tenantCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    header->addWidget(showing);
    header->addWidget(m_tenantCombo);
    layout->addLayout(header);

    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyLabel"));
    m_readOnlyLabel->setWordWrap(true);
    m_readOnlyLabel->setTextFormat(Qt::PlainText);
    m_readOnlyLabel->setFrameShape(QFrame::StyledPanel);
    m_readOnlyLabel->setMargin(6);
    layout->addWidget(m_readOnlyLabel);

    m_sectionList->setObjectName(QStringLiteral("sectionList"));
    m_sectionList->setAccessibleName(tr("Sections"));
    m_sectionList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sectionList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Icons from the desktop's theme, with the style's own where the theme has none (an offscreen or bare
    // desktop); rows padded as in KDE's System Settings.
    // (The style's one pixmap, not its icon: that decodes every size it has, up to 128 px, a tenth of the start.)
    const auto icon = [this](const char* themed, QStyle::StandardPixmap fallback) {
        const QString name = QLatin1String(themed);
        return QIcon::hasThemeIcon(name) ? QIcon::fromTheme(name) : QIcon(style()->standardPixmap(fallback));
    };
    m_sectionList->setIconSize(QSize(16, 16));
    m_sectionList->setSpacing(2);
    m_sectionList->setItemDelegate(new PaddedRows(m_sectionList));
    // Each section's panels, made when the section is built (SettingsPage::build).
    addSection(QStringLiteral("overview"), tr("Overview"), icon("view-dashboard", QStyle::SP_ComputerIcon), true,
               [this]() -> QList<QWidget*> {
                   auto* overview = new OverviewPanel(m_session);
                   connect(overview, &OverviewPanel::sectionRequested, this, &SettingsPage::showSection);
                   connect(overview, &OverviewPanel::importRequested, this, &SettingsPage::importRequested);
                   return {overview};
               });
    addSection(QStringLiteral("usage"), tr("Usage"), icon("office-chart-bar", QStyle::SP_FileDialogDetailedView), true,
               [this]() -> QList<QWidget*> {
                   m_credits = new CreditsPanel(m_session);
                   return {m_credits, new CreditCostsPanel(m_session)};
               });
    addSection(QStringLiteral("keys"), tr("Keys"), icon("dialog-password", QStyle::SP_DriveNetIcon), true,
               [this]() -> QList<QWidget*> {
                   return {m_byok = new ByokPanel(m_session), new UsageKeysPanel(m_session)};
               });
    addSection(QStringLiteral("models"), tr("Models"), icon("preferences-system", QStyle::SP_FileDialogListView), true,
               [this]() -> QList<QWidget*> { return {m_models = new ModelsPanel(m_session)}; });
    addSection(QStringLiteral("rateLimit"), tr("Rate limit"), icon("chronometer", QStyle::SP_BrowserReload), true,
               [this]() -> QList<QWidget*> { return {new RateLimitPanel(m_session)}; });
    addSection(QStringLiteral("activity"), tr("Activity"), icon("view-history", QStyle::SP_FileDialogContentsView),
               false, [this]() -> QList<QWidget*> { return {m_activity = new ActivityPanel(m_session)}; });
    addSection(
        QStringLiteral("organisation"), tr("Organisation"), icon("system-users", QStyle::SP_DirHomeIcon), true,
        [this]() -> QList<QWidget*> {
            m_plan = new PlanPanel(m_session);
            return {m_plan, new PeriodPanel(m_session), new TenantsPanel(m_session), new MembersPanel(m_session)};
        });
    addSection(QStringLiteral("spend"), tr("Provider spend"), icon("office-chart-line", QStyle::SP_FileDialogInfoView),
               true, [this]() -> QList<QWidget*> { return {new SpendPanel(m_session)}; });
    // As wide as the widest row: its icon and title with the margins an item view gives each, and some air.
    // (Asking the view, sizeHintForColumn, lays every row's text out: a fiftieth of the window's start.)
    int widestTitle = 0;
    for (const PlannedSection& planned : qAsConst(m_planned))
        widestTitle = qMax(widestTitle, fontMetrics().horizontalAdvance(planned.title));
    const int itemMargins = 4 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_sectionList) + 1);
    m_sectionList->setFixedWidth(m_sectionList->iconSize().width() + widestTitle + itemMargins +
                                 4 * m_sectionList->frameWidth() +
                                 fontMetrics().horizontalAdvance(QStringLiteral("MM")));
    // Below the sections, as in KDE's System Settings: what is not applied yet, Revert and Apply.
    m_applyBar->setObjectName(QStringLiteral("applyBar"));
    m_changesLabel->setObjectName(QStringLiteral("changesLabel"));
    m_changesLabel->setWordWrap(true);
    m_applyButton->setObjectName(QStringLiteral("applyChangesButton"));
    m_applyButton->setToolTip(tr("Apply the changes in this section (Ctrl+S)"));
    m_revertButton->setObjectName(QStringLiteral("revertChangesButton"));
    m_revertButton->setToolTip(tr("Show the applied values again"));
    auto* buttons = new QDialogButtonBox;
    buttons->addButton(m_revertButton, QDialogButtonBox::ResetRole);
    buttons->addButton(m_applyButton, QDialogButtonBox::ApplyRole);
    auto* bar = new QHBoxLayout(m_applyBar);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_changesLabel, 1);
    bar->addWidget(buttons);
    // The sections in a column of readable width, centred when the window is wider (lines of text past ~100
    // characters are hard to follow).
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("contentColumn"));
    content->setMaximumWidth(fontMetrics().averageCharWidth() * 130);
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_sections, 1);
    column->addWidget(m_applyBar);
    auto* centred = new QHBoxLayout;
    centred->setSpacing(0);
    centred->addStretch(0);
    centred->addWidget(content, 1);
    centred->addStretch(0);
    auto* body = new QHBoxLayout;
    body->addWidget(m_sectionList);
    body->addLayout(centred, 1);
    layout->addLayout(body, 1);
    connect(m_applyButton, &QPushButton::clicked, this, &SettingsPage::applyShown);
    connect(m_revertButton, &QPushButton::clicked, this, &SettingsPage::revertShown);
    auto* save = new QShortcut(QKeySequence::Save, this);
    connect(save, &QShortcut::activated, this, &SettingsPage::applyShown);

    connect(m_sectionList, &QListWidget::currentRowChanged, this, [this](int row) {
        // A shared ledger still connecting: its first section is built once it is attached (reload), after the
        // window has painted "Connecting…".
        if (m_session.isOpen())
            build(row);
        m_sections->setCurrentIndex(row);
        markDirtySections();
        // A part that reads only while it is shown (the providers' books) has the page read now.
        if (m_session.isOpen() && m_shown && request() != m_asked)
            reload();
    });
    // Ctrl+PgDown / Ctrl+PgUp step through the sections, Alt+1… jump to one, from anywhere on the page.
    auto* next = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown), this);
    connect(next, &QShortcut::activated, this, [this] { step(1); });
    auto* previous = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp), this);
    connect(previous, &QShortcut::activated, this, [this] { step(-1); });
    for (int i = 0; i < m_sectionList->count() && i < 9; ++i) {
        auto* jump = new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), this);
        connect(jump, &QShortcut::activated, this, [this, i] { m_sectionList->setCurrentRow(i); });
    }

    connect(m_tenantCombo, &QComboBox::activated, this, &SettingsPage::reload);
    connect(&session, &Session::changed, this, &SettingsPage::reload);
    connect(&session, &Session::pageRead, this, &SettingsPage::showState);
    const int remembered = int(sectionNames().indexOf(pageSettings().value(sectionKey).toString()));
    m_sectionList->setCurrentRow(qMax(0, remembered));
    // Remembered from here on. (Writing the row just restored was a twentieth of the window's start: a locked,
    // synced rewrite of the file.)
    connect(m_sectionList, &QListWidget::currentRowChanged, this,
            [this] { pageSettings().setValue(sectionKey, currentSection()); });
    // A shared ledger may still be connecting: the page is filled when it is attached (Session::changed). A file
    // is read once the event loop turns, so that the reading's thread starts after the window is on its way to
    // the screen, not beside it (measured: both the first paint and the filled page come sooner).
    if (session.isOpen())
        QTimer::singleShot(0, this, &SettingsPage::reload);
}

void SettingsPage::addSection(const QString& name, const QString& title, const QIcon& icon, bool scrolls,
                              std::function<QList<QWidget*>()> build)
{
    auto* item = new QListWidgetItem(icon, title, m_sectionList);
    item->setData(Qt::UserRole, name);
    item->setToolTip(tr("%1 (Alt+%2)").arg(title).arg(m_sectionList->count()));
    m_planned.append({title, scrolls, std::move(build)});
    m_sections->addWidget(new QWidget); // its place, until it is built
}

// Builds the section in sidebar row `row` and shows the page's state in it. Building every section as the window
// opens was most of the window's start (their widgets laid out and their texts shaped, unseen).
void SettingsPage::build(int row)
{
    if (row < 0 || row >= m_planned.size() || !m_planned[row].build)
        return;
    const auto panels = std::exchange(m_planned[row].build, {})();
    const QString& title = m_planned[row].title;
    const bool scrolls = m_planned[row].scrolls;
    QListWidgetItem* item = m_sectionList->item(row);
    auto* content = new QWidget;
    content->setObjectName(item->data(Qt::UserRole).toString() + QStringLiteral("Section"));
    content->setAccessibleName(title);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    QVector<PagePart*> parts;
    for (QWidget* panel : panels) {
        // Panels keep their natural height; space left over goes below the last one, unless the section is one
        // panel that fills it (a long list scrolls inside itself).
        panel->setSizePolicy(QSizePolicy::Preferred, scrolls ? QSizePolicy::Maximum : QSizePolicy::Expanding);
        // A panel's title is the heading of its part of the section, larger and bolder than the bold sub-headings
        // inside it, and the only mark of it: a flat box, no frame around it as well (KDE's settings pages). The
        // font is the box's own, its children keep the page's. (A style sheet would do the same at a cost: every
        // widget under one is styled through it, which made the window's start 1.6 × slower.)
        if (auto* box = qobject_cast<QGroupBox*>(panel))
            showAsHeading(box);
        layout->addWidget(panel);
        if (auto* part = dynamic_cast<PagePart*>(panel)) {
            parts.append(part);
            part->onReadWanted([this] { reload(); });
        }
        if (auto* section = dynamic_cast<Section*>(panel)) {
            // In sidebar order, as the questions name them.
            const auto after = std::find_if(m_edited.begin(), m_edited.end(),
                                            [&](const EditedSection& e) { return m_sectionList->row(e.item) > row; });
            m_edited.insert(after, {section, item, title});
            section->onDirtyChanged([this] { markDirtySections(); });
            section->onApplyRequested([this] { applyShown(); });
        }
    }
    QWidget* built = content;
    if (scrolls) {
        layout->addStretch();
        auto* area = new QScrollArea;
        area->setAccessibleName(title); // a Tab stop on the scrolling section says which section it is
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(content);
        built = area;
    }
    QWidget* place = m_sections->widget(row);
    const bool current = m_sections->currentIndex() == row;
    m_sections->insertWidget(row, built);
    m_sections->removeWidget(place);
    delete place;
    if (current)
        m_sections->setCurrentIndex(row);
    m_parts.append(parts);
    if (!m_shown)
        return;
    showRole(parts, m_shown->role);
    for (PagePart* part : qAsConst(parts))
        part->load(*m_shown);
    // A part that shows more than was read (the activity trail) has the page read again.
    if (request() != m_asked)
        reload();
}

// Once the page is filled, the sections not shown yet are built one at a time, each in a turn of the event loop
// of its own, so that switching to one later is instant and the window answers meanwhile.
void SettingsPage::buildNextInTurn()
{
    const int next = nextToBuild();
    if (next < 0)
        return;
    build(next);
    QTimer::singleShot(0, this, &SettingsPage::buildNextInTurn);
}

int SettingsPage::nextToBuild() const
{
    const auto next =
        std::find_if(m_planned.cbegin(), m_planned.cend(), [](const PlannedSection& p) { return bool(p.build); });
    return next == m_planned.cend() ? -1 : int(next - m_planned.cbegin());
}

bool SettingsPage::isBuilt() const
{
    return nextToBuild() < 0;
}

void SettingsPage::build(const QString& name)
{
    build(int(sectionNames().indexOf(name)));
}

CreditsPanel* SettingsPage::credits()
{
    build(QStringLiteral("usage"));
    return m_credits;
}

ModelsPanel* SettingsPage::models()
{
    build(QStringLiteral("models"));
    return m_models;
}

ByokPanel* SettingsPage::byok()
{
    build(QStringLiteral("keys"));
    return m_byok;
}

ActivityPanel* SettingsPage::activity()
{
    build(QStringLiteral("activity"));
    return m_activity;
}

PlanPanel* SettingsPage::plan()
{
    build(QStringLiteral("organisation"));
    return m_plan;
}

QStringList SettingsPage::sectionNames() const
{
    QStringList names;
    for (int i = 0; i < m_sectionList->count(); ++i)
        names << m_sectionList->item(i)->data(Qt::UserRole).toString();
    return names;
}

QString SettingsPage::currentSection() const
{
    const QListWidgetItem* item = m_sectionList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void SettingsPage::showSection(const QString& name)
{
    const int row = int(sectionNames().indexOf(name));
    if (row >= 0)
        m_sectionList->setCurrentRow(row);
}

void SettingsPage::step(int by)
{
    const int n = m_sectionList->count();
    m_sectionList->setCurrentRow((m_sectionList->currentRow() + by + n) % n);
}

QString SettingsPage::selectedTenant() const
{
    return m_tenantCombo->currentData().toString();
}

void SettingsPage::showTenants(const QVector<Tenant>& tenants)
{
    const QString selected = selectedTenant();
    const QSignalBlocker quiet(m_tenantCombo);
    m_tenantCombo->clear();
    m_tenantCombo->addItem(tr("Whole install"), QString());
    for (const Tenant& t : tenants)
        m_tenantCombo->addItem(t.name.isEmpty() || t.name == t.id ? t.id : tr("%1 (%2)").arg(t.name, t.id), t.id);
    // A tenant removed elsewhere falls back to the whole install.
    m_tenantCombo->setCurrentIndex(qMax(0, m_tenantCombo->findData(selected)));
}

// The page's state, read once for every part off the window's thread, then shown by each (PagePart::load).
void SettingsPage::reload()
{
    if (!m_session.isOpen())
        return;
    build(m_sectionList->currentRow()); // nothing when it is built; its parts say what the reading must hold
    m_asked = request();
    m_session.readPage(m_asked);
}

PageRequest SettingsPage::request() const
{
    PageRequest request;
    request.tenant = selectedTenant();
    for (const PagePart* part : qAsConst(m_parts))
        part->ask(request);
    return request;
}

// Whether the user may edit each section among `parts`, and if not, who may.
void SettingsPage::showRole(const QVector<PagePart*>& parts, Role role)
{
    for (PagePart* part : parts)
        if (auto* section = dynamic_cast<Section*>(part))
            section->setReadOnly(section->mayEdit(role)          ? QString()
                                 : section->mayEdit(Role::Admin) ? tr("Only an Owner or Admin changes this.")
                                                                 : tr("Only an Owner changes the plan."));
}

bool SettingsPage::isReading() const
{
    return m_session.isReadingPage();
}

void SettingsPage::showState(const Result<PageState>& state)
{
    if (!state) {
        m_readOnlyLabel->setText(QStringLiteral("\u26a0 ") + state.failure().message);
        m_readOnlyLabel->setVisible(true);
        emit stateShown();
        return;
    }
    if (!state->tenant.isEmpty() && std::none_of(state->tenants.cbegin(), state->tenants.cend(),
                                                 [&](const Tenant& t) { return t.id == state->tenant; })) {
        // The tenant shown was removed elsewhere: the whole install instead.
        showTenants(state->tenants);
        reload();
        return;
    }
    showTenants(state->tenants);
    const Role role = state->role;
    m_readOnlyLabel->setText(
        tr("You are %1, %2 of this database: you can review credits, keys and activity, but only an Owner or Admin "
           "can change keys, models, tenants and members, and only an Owner the plan.")
            .arg(state->userName, roleWithArticle(role)));
    m_readOnlyLabel->setVisible(!canAdminister(role));
    showRole(m_parts, role);
    for (PagePart* part : qAsConst(m_parts))
        part->load(state.value());
    if (!m_shown)
        QTimer::singleShot(0, this, &SettingsPage::buildNextInTurn);
    m_shown = state.value();
    // A warning step reached is told once; one already reached as the window opens, after its first paint.
    if (isVisible())
        m_alerts->check(state->installRunning);
    else
        QTimer::singleShot(0, m_alerts,
                           [alerts = m_alerts, install = state->installRunning] { alerts->check(install); });
    emit stateShown();
}

QVector<Section*> SettingsPage::dirtySections() const
{
    QVector<Section*> dirty;
    for (const EditedSection& e : m_edited)
        if (e.section->isDirty())
            dirty << e.section;
    return dirty;
}

QVector<Section*> SettingsPage::dirtyShown() const
{
    QVector<Section*> dirty;
    const QListWidgetItem* shown = m_sectionList->currentItem();
    for (const EditedSection& e : m_edited)
        if (e.item == shown && e.section->isDirty())
            dirty << e.section;
    return dirty;
}

void SettingsPage::applyShown()
{
    const QVector<Section*> dirty = dirtyShown();
    if (dirty.isEmpty())
        return;
    const QStringList said = confirmations(dirty);
    if (!said.isEmpty() &&
        Ask::question(this, tr("Apply Changes"),
                      said.join(QStringLiteral("\n\n")) + QStringLiteral("\n\n") + tr("Apply these changes?"),
                      QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    for (Section* s : dirty)
        if (!s->apply())
            return; // it says why; the rest stay to be applied again
}

void SettingsPage::revertShown()
{
    for (Section* s : dirtyShown())
        s->discard();
}

// "Organisation *": a section holds changes that are not applied yet.
void SettingsPage::markDirtySections()
{
    for (const EditedSection& e : qAsConst(m_edited)) {
        bool dirty = false;
        for (const EditedSection& other : qAsConst(m_edited))
            dirty |= other.item == e.item && other.section->isDirty();
        e.item->setText(dirty ? tr("%1 *", "a section with changes not applied").arg(e.title) : e.title);
        e.item->setData(Qt::AccessibleDescriptionRole, dirty ? tr("Has changes that are not applied.") : QString());
    }
    bool editable = false;
    for (const EditedSection& e : qAsConst(m_edited))
        editable |= e.item == m_sectionList->currentItem();
    const QVector<Section*> dirty = dirtyShown();
    QStringList names;
    for (const Section* s : dirty)
        names << s->sectionName();
    m_applyBar->setVisible(editable);
    m_changesLabel->setText(names.isEmpty() ? QString()
                                            : tr("Not applied yet: %1.").arg(QLocale().createSeparatedList(names)));
    m_applyButton->setEnabled(!dirty.isEmpty());
    m_revertButton->setEnabled(!dirty.isEmpty());
}

bool SettingsPage::settleChanges()
{
    const QVector<Section*> dirty = dirtySections();
    if (dirty.isEmpty())
        return true;
    QStringList names;
    for (const Section* s : dirty)
        names << s->sectionName();
    const QStringList said = confirmations(dirty); // as the Apply button says it
    QString text = tr("%1: changes are not applied yet. Apply them, discard them, or stay on the page?")
                       .arg(QLocale().createSeparatedList(names));
    if (!said.isEmpty())
        text += QStringLiteral("\n\n") + said.join(QStringLiteral("\n\n"));
    const auto answer =
        Ask::question(this, tr("Changes Not Applied"), text,
                      QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Apply);
    if (answer != QMessageBox::Apply && answer != QMessageBox::Discard)
        return false;
    for (Section* s : dirty) {
        if (answer == QMessageBox::Discard) {
            s->discard();
            continue;
        }
        if (!s->apply()) {
            for (const EditedSection& e : qAsConst(m_edited))
                if (e.section == s)
                    m_sectionList->setCurrentItem(e.item);
            return false;
        }
    }
    return true;
}

} // namespace Ui
