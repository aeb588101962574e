#pragma once

#include "sections/PagePart.h"

#include <QGroupBox>

namespace Ui {

class KeyField;
class Session;

// Usage keys: for each provider whose usage reports the program reads, the Admin key that reads them. Apart from
// the keys that run actions, the install's alone whichever tenant is shown, and the Owner's to change: an Admin key
// can also manage the provider organisation's keys and members.
class UsageKeysPanel : public QGroupBox, public PagePart
{
    Q_OBJECT

public:
    explicit UsageKeysPanel(Session& session, QWidget* parent = nullptr);

    void load(const PageState& state) override;

private:
    QList<KeyField*> m_fields;
};

} // namespace Ui
