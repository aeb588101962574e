#include "session/AlertWatcher.h"

#include "session/Notifications.h"
#include "words/UsageSentences.h"

namespace Ui {

void AlertWatcher::check(const UsageReport& r)
{
    if (r.finished || r.alertLevel == 0)
        return;
    int& told = m_told[r.period.id()];
    if (r.alertLevel <= told)
        return;
    told = r.alertLevel;
    Notifications::notify(tr("AI credits: %1% used").arg(r.alertLevel), UsageSentences::warning(r));
}

} // namespace Ui
