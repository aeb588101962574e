#include "sections/KeyField.h"

#include "rules/KeyFormat.h"
#include "services/KeyService.h"
#include "session/Session.h"
#include "widgets/Ask.h"
#include "widgets/StatusBadge.h"
#include "words/KeySentences.h"
#include "words/UsageSentences.h"

#include <QAccessible>
#include <QDateTime>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QToolButton>

namespace Ui {

namespace {

QString coveredActions(const Catalog& catalog, const QString& provider)
{
    QStringList names;
    for (const Action& a : catalog.actions())
        if (a.provider == provider)
            names << inSentence(a.name);
    if (names.size() > 1)
        names.last().prepend(QObject::tr("and "));
    return names.join(names.size() > 2 ? QStringLiteral(", ") : QStringLiteral(" "));
}

} // namespace

KeyField::KeyField(Session& session, const Provider& provider, KeyPurpose purpose, QWidget* parent)
    : QWidget(parent), m_session(session), m_provider(provider), m_purpose(purpose), m_edit(new QLineEdit(this)),
      m_showButton(new QToolButton(this)), m_shownLabel(new QLabel(this)),
      m_saveButton(new QPushButton(tr("Save"), this)), m_testButton(new QPushButton(tr("Test"), this)),
      m_removeButton(new QPushButton(tr("Remove"), this)), m_badge(new StatusBadge(this)),
      m_messageLabel(new QLabel(this)), m_detailLabel(new QLabel(this)), m_consoleLabel(new QLabel(this))
{
    // "anthropicKeyEdit", or "anthropicUsageKeyEdit" for the usage key's.
    const QString id = provider.id + (isUsage() ? QStringLiteral("Usage") : QString());
    const QString what = isUsage() ? tr("%1 usage key").arg(provider.name) : tr("%1 API key").arg(provider.name);
    auto* title = new QLabel(what, this);
    title->setBuddy(m_edit);
    m_edit->setObjectName(id + QStringLiteral("KeyEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setClearButtonEnabled(true);
    m_edit->setAccessibleName(what);
    m_edit->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('m')) * 16);
    m_showButton->setObjectName(id + QStringLiteral("ShowButton"));
    m_showButton->setText(tr("Show"));
    m_showButton->setCheckable(true);
    m_showButton->setAccessibleName(tr("Show the %1 key being typed").arg(provider.name));
    m_showButton->setToolTip(tr("Shows the key you are typing; a saved key is never shown."));
    // Show puts the key being typed beside the field instead of unmasking the field: a line edit in normal echo
    // hands whatever is selected in it to the X11 primary selection, where any program can read it. A label that
    // takes no selection and offers no copy shows it without that.
    m_shownLabel->setObjectName(id + QStringLiteral("ShownKeyLabel"));
    m_shownLabel->setTextFormat(Qt::PlainText);
    m_shownLabel->setTextInteractionFlags(Qt::NoTextInteraction);
    m_shownLabel->setContextMenuPolicy(Qt::NoContextMenu);
    m_shownLabel->setWordWrap(true);
    m_shownLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_shownLabel->hide();
    m_saveButton->setObjectName(id + QStringLiteral("SaveButton"));
    m_saveButton->setAccessibleName(tr("Save the %1").arg(what));
    m_testButton->setObjectName(id + QStringLiteral("TestButton"));
    m_testButton->setAccessibleName(tr("Test the %1 with %2").arg(what, provider.name));
    m_removeButton->setObjectName(id + QStringLiteral("RemoveButton"));
    m_removeButton->setAccessibleName(tr("Remove the %1").arg(what));
    m_badge->setObjectName(id + QStringLiteral("StatusBadge"));
    m_badge->setAccessibleName(tr("%1 status").arg(what));
    m_messageLabel->setObjectName(id + QStringLiteral("MessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setForegroundRole(QPalette::PlaceholderText);
    m_detailLabel->setTextFormat(Qt::PlainText);
    m_consoleLabel->setObjectName(id + QStringLiteral("ConsoleLink"));
    m_consoleLabel->setTextFormat(Qt::RichText);
    m_consoleLabel->setText((isUsage() ? tr("Create or revoke Admin keys at <a href=\"%1\">%2</a>.")
                                       : tr("Get, rotate or fund a key at <a href=\"%1\">%2</a>."))
                                .arg(provider.console.toHtmlEscaped(), provider.consoleHost().toHtmlEscaped()));
    m_consoleLabel->setOpenExternalLinks(true); // the system browser, where the administrator is signed in
    m_consoleLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    // The badge and the reason label the field too, so a screen reader relates them to it ("labelled by").
    m_badge->setBuddy(m_edit);
    m_messageLabel->setBuddy(m_edit);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (mayCheckHere() && !m_busy && m_record.state == KeyState::Throttled)
            test();
    });
    connect(&session, &Session::keyCheckStarted, this, [this](const QString& tenant, const QString& provider) {
        if (!isUsage() && tenant == m_tenant && provider == m_provider.id)
            reload();
    });

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* heading = new QHBoxLayout;
    heading->addWidget(title);
    heading->addWidget(m_badge);
    heading->addStretch();
    layout->addLayout(heading, 0, 0, 1, 5);
    // The field has the row to itself and the buttons follow under it, so the section fits a narrow window.
    layout->addWidget(m_edit, 1, 0, 1, 5);
    layout->addWidget(m_shownLabel, 2, 0, 1, 5);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    for (QWidget* b : {static_cast<QWidget*>(m_showButton), static_cast<QWidget*>(m_saveButton),
                       static_cast<QWidget*>(m_testButton), static_cast<QWidget*>(m_removeButton)})
        buttons->addWidget(b);
    layout->addLayout(buttons, 3, 0, 1, 5);
    layout->addWidget(m_messageLabel, 4, 0, 1, 5);
    layout->addWidget(m_detailLabel, 5, 0, 1, 5);
    layout->addWidget(m_consoleLabel, 6, 0, 1, 5);
    layout->setColumnStretch(0, 1);

    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        // The show toggle is for a key being typed; with the field empty it falls back to hidden.
        if (m_edit->text().isEmpty())
            m_showButton->setChecked(false);
        showTypedKey();
        updateControls();
    });
    connect(m_showButton, &QToolButton::toggled, this, [this](bool shown) {
        m_showButton->setText(shown ? tr("Hide") : tr("Show"));
        showTypedKey();
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (m_saveButton->isEnabled())
            save();
    });
    connect(m_saveButton, &QPushButton::clicked, this, &KeyField::save);
    connect(m_testButton, &QPushButton::clicked, this, &KeyField::test);
    connect(m_removeButton, &QPushButton::clicked, this, &KeyField::removeKey);
}

void KeyField::showScope(const QString& tenant, const PageState::ProviderKeys& keys, const QString& timeZone,
                         bool mayChange, const QString& whyNoNewKey)
{
    m_keys = keys;
    m_timeZone = timeZone;
    // A usage key is the install's, whichever tenant the page shows.
    const QString scope = isUsage() ? QString() : tenant;
    if (scope != m_tenant) {
        // A key typed for one scope must not be saved into another by accident.
        m_edit->clear();
        m_note.clear();
        m_tenant = scope;
    }
    m_mayChange = mayChange;
    m_whyNoNewKey = whyNoNewKey;
    reload();
}

bool KeyField::isCheckingInBackground() const
{
    // The window rechecks the keys that run actions; a usage key is checked when someone asks.
    return !isUsage() && m_session.isChecking(m_tenant, m_provider.id);
}

void KeyField::reload()
{
    // A tenant key the plan does not use is shown as such, whatever its last check said.
    m_record = isUsage() ? m_keys.usage : m_keys.inForce.unused ? *m_keys.inForce.unused : m_keys.own;
    const bool checkingInBackground = isCheckingInBackground();
    if (checkingInBackground)
        m_badge->setChecking();
    else if (!m_busy)
        m_badge->setState(m_record.state, KeySentences::stateLabel(m_record));
    const QString prefix = isUsage() ? m_provider.adminKeyPrefixes.value(0) : m_provider.keyPrefix;
    m_edit->setPlaceholderText(m_record.fingerprint.isEmpty()
                                   ? (!isUsage() ? tr("Paste your key (%1…)")
                                      : m_provider.readOnlyReports.offered()
                                          ? tr("Paste an Admin key (%1…) or a read-only analytics key")
                                          : tr("Paste an Admin key (%1…)"))
                                         .arg(prefix)
                                   : KeyFormat::masked(m_provider, m_record.fingerprint));
    QString detail = isUsage()
                         ? (m_provider.readOnlyReports.offered()
                                ? tr("Reads the %1 organisation's usage and cost reports; runs no action. A read-only "
                                     "analytics key is safer: it reads them per model, not per key.")
                                : tr("Reads the %1 organisation's usage and cost reports; runs no action."))
                               .arg(m_provider.name)
                         : tr("Covers %1.").arg(coveredActions(m_session.catalog(), m_provider.id));
    if (m_record.checkedAt)
        detail +=
            QLatin1Char(' ') + tr("Last checked %1.").arg(UsageSentences::moment(*m_record.checkedAt, m_timeZone));
    m_detailLabel->setText(detail);

    m_retryTimer.stop();
    if (m_record.state == KeyState::Throttled && m_record.retryAt && mayCheckHere() && !checkingInBackground)
        m_retryTimer.start(int(qBound<qint64>(0LL, *m_record.retryAt - m_session.ledger().now(), 24LL * 3600 * 1000)));
    updateControls();
}

void KeyField::showTypedKey()
{
    const bool shown = m_showButton->isChecked() && !m_edit->text().isEmpty();
    m_shownLabel->setText(shown ? m_edit->text() : QString());
    m_shownLabel->setAccessibleName(shown ? tr("The %1 key being typed").arg(m_provider.name) : QString());
    m_shownLabel->setVisible(shown);
}

void KeyField::setNote(const QString& note)
{
    m_note = note;
    updateControls();
}

bool KeyField::mayCheckHere() const
{
    return m_mayChange && KeyService::heldElsewhere(m_record, m_provider.name).isEmpty();
}

QString KeyField::adviceFor(const KeyRecord& record) const
{
    const QString rotate = tr("revoke it at %1, paste a new key here and press Save.").arg(m_provider.consoleHost());
    switch (record.state) {
    case KeyState::Invalid:
        // A Viewer reads the same steps, as the Owner's or an Admin's to take.
        if (m_mayChange)
            return tr("To rotate it: %1").arg(rotate);
        return isUsage() ? tr("An Owner can rotate it: %1").arg(rotate)
                         : tr("An Owner or Admin can rotate it: %1").arg(rotate);
    case KeyState::Throttled:
        if (record.retryAt) {
            const QString at = UsageSentences::clock(*record.retryAt, m_timeZone);
            // Only this window, with the right to check and the key in this keychain, checks it again by itself.
            return mayCheckHere() ? tr("It is checked again automatically at %1.").arg(at)
                                  : tr("The provider said to ask again at %1.").arg(at);
        }
        break;
    default:
        break;
    }
    return {};
}

// Tabbing to the field announces its state and why; a change of state is announced where the user is.
void KeyField::describeState(const QString& reason)
{
    const QString description =
        reason.isEmpty() ? tr("Status: %1.").arg(m_badge->words()) : tr("Status: %1. %2").arg(m_badge->words(), reason);
    if (description == m_edit->accessibleDescription())
        return;
    const bool changed = !m_edit->accessibleDescription().isEmpty();
    m_edit->setAccessibleDescription(description);
    m_badge->setAccessibleDescription(description);
    if (changed && QAccessible::isActive()) {
        QAccessibleEvent descriptionChanged(m_edit, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&descriptionChanged);
        QAccessibleEvent alert(m_badge, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void KeyField::updateControls()
{
    QString message = m_note;
    if (message.isEmpty() && m_record.state != KeyState::Active && m_record.state != KeyState::NotSet) {
        message = KeySentences::verdict(m_record.verdict, m_provider);
        if (const QString advice = adviceFor(m_record); !advice.isEmpty())
            message += QLatin1Char(' ') + advice;
    }
    const QString elsewhere = KeyService::heldElsewhere(m_record, m_provider.name);
    if (!elsewhere.isEmpty())
        message = message.isEmpty() ? elsewhere : message + QLatin1Char(' ') + elsewhere;
    if (message.isEmpty() && !m_whyNoNewKey.isEmpty())
        message = m_whyNoNewKey;
    m_messageLabel->setText(message.isEmpty() ? QString() : QStringLiteral("⚠ ") + message);
    m_messageLabel->setVisible(!message.isEmpty());
    describeState(message);

    const bool busy = m_busy || isCheckingInBackground();
    const bool mayType = m_mayChange && m_whyNoNewKey.isEmpty() && !busy;
    const bool typing = !m_edit->text().isEmpty();
    const bool stored = m_record.state != KeyState::NotSet;
    m_edit->setEnabled(mayType);
    m_showButton->setEnabled(mayType && typing);
    m_saveButton->setEnabled(mayType && typing);
    // An unused tenant key is not checked (it is not used), but it can be removed.
    // Another machine's keychain holds it: it is checked and removed there.
    m_testButton->setEnabled(mayCheckHere() && stored && m_record.state != KeyState::Unused && !busy);
    m_removeButton->setEnabled(mayCheckHere() && stored && !busy);
}

void KeyField::begin()
{
    m_busy = true;
    m_note.clear();
    m_badge->setChecking();
    updateControls();
}

void KeyField::finish(const QString& tenant, const Failure* failure, bool stored)
{
    m_busy = false;
    if (tenant == m_tenant) {
        m_note = failure ? failure->message : QString();
        if (stored)
            m_edit->clear(); // the key is in the keychain now; the widget lets go of it
    }
    reload();
    emit keyChanged();
}

void KeyField::save()
{
    // Format first: a malformed or misplaced key is refused here, and stays in the field to be corrected.
    const auto key = KeyFormat::check(m_session.catalog(), m_provider.id, m_edit->text(), m_purpose);
    if (!key) {
        setNote(key.failure().message);
        m_edit->setFocus();
        return;
    }
    if (m_record.state == KeyState::Active &&
        Ask::question(
            this, tr("Replace key"),
            (isUsage() ? tr("Replace the active %1 usage key ending %2?") : tr("Replace the active %1 key ending %2?"))
                .arg(m_provider.name, m_record.fingerprint),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return; // the typed key stays in the field
    store(key.value(), false);
}

void KeyField::store(const QString& key, bool replaceUnverified)
{
    begin();
    QPointer<KeyField> self(this);
    const QString tenant = m_tenant;
    auto done = [self, tenant, key, replaceUnverified](Result<KeyRecord> r) {
        if (!self)
            return;
        // No verdict on the new key: the stored one is kept unless the administrator says so.
        if (!r && r.failure().needsConfirmation && !replaceUnverified && tenant == self->m_tenant &&
            Ask::question(self, tr("Replace key"), r.failure().question, QMessageBox::Yes | QMessageBox::Cancel,
                          QMessageBox::Cancel) == QMessageBox::Yes)
            return self->store(key, true);
        self->finish(tenant, r ? nullptr : &r.failure(), r.ok());
    };
    if (isUsage())
        m_session.keys().setUsageKey(m_provider.id, key, {true, replaceUnverified}, std::move(done));
    else
        m_session.keys().set(tenant, m_provider.id, key, {true, replaceUnverified}, std::move(done));
}

void KeyField::test()
{
    begin();
    QPointer<KeyField> self(this);
    const QString tenant = m_tenant;
    auto done = [self, tenant](Result<KeyRecord> r) {
        if (self)
            self->finish(tenant, r ? nullptr : &r.failure(), false);
    };
    if (isUsage())
        m_session.keys().verifyUsageKey(m_provider.id, std::move(done));
    else
        m_session.keys().verify(tenant, m_provider.id, std::move(done));
}

void KeyField::removeKey()
{
    const QString question =
        isUsage() ? tr("Remove the %1 usage key from the keychain? The usage reports will no longer be read.")
                        .arg(m_provider.name)
                  : tr("Remove the %1 key for %2 from the keychain? Its actions will use AI credits again.")
                        .arg(m_provider.name, KeySentences::scope(m_tenant));
    const auto answer =
        Ask::question(this, tr("Remove key"), question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    begin();
    QPointer<KeyField> self(this);
    const QString tenant = m_tenant;
    auto done = [self, tenant](Status s) {
        if (self)
            self->finish(tenant, s ? nullptr : &s.failure(), false);
    };
    if (isUsage())
        m_session.keys().removeUsageKey(m_provider.id, std::move(done));
    else
        m_session.keys().remove(tenant, m_provider.id, std::move(done));
}

} // namespace Ui
