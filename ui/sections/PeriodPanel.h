#pragma once

#include "sections/Section.h"

#include <QGroupBox>

class QLabel;

namespace Ui {

class Session;
class SettingField;

// The billing period: the day of the month the credits reset and the IANA time zone they reset in, the zone
// picked from a list searched as one types ("berl" finds Europe/Berlin). Owner or Admin. A change takes effect
// at the next reset (chooseCalendar): its confirmation previews the periods before and after it, and the change
// waiting for the reset is shown under the form.
class PeriodPanel : public QGroupBox, public Section
{
    Q_OBJECT

public:
    explicit PeriodPanel(Session& session, QWidget* parent = nullptr);

    // Shows the applied period; a day or zone the admin is still editing stays shown.
    void load(const PageState& state) override;

    QString sectionName() const override { return title(); }
    bool isDirty() const override;
    Status apply() override;
    void discard() override;
    QString confirmation() const override;
    void setReadOnly(const QString& reason) override;

private:
    void noteChange();
    QString shownPeriod() const; // "15 Europe/Berlin"

    Session& m_session;
    SettingField* m_day;  // Settings::anchorDay()
    SettingField* m_zone; // Settings::timeZone()
    QLabel* m_pendingLabel;
    QLabel* m_outcomeLabel;
    QString m_outcomeFor; // the day and zone the outcome is about: it goes when others are shown
};

} // namespace Ui
