#pragma once

#include "rules/KeyState.h"

#include <QLabel>

namespace Ui {

// The state of a key as a coloured pill. The words carry the meaning and a symbol leads them, so the badge
// reads the same without colour (colour-blind view, screen readers); colours are fixed pairs that stay
// readable on light and dark palettes.
class StatusBadge : public QLabel
{
    Q_OBJECT

public:
    explicit StatusBadge(QWidget* parent = nullptr);

    void setState(KeyState state);
    void setChecking();
    // A key state's JSON name ("active", "out_of_budget", ...) or "checking": for tests and style sheets.
    QString stateId() const { return property("state").toString(); }
    // The words without the leading symbol, for a sentence read aloud: "Invalid key".
    QString words() const { return text().section(QLatin1Char(' '), 1); }

private:
    void present(const QString& id, const QString& text, const QString& style);
};

} // namespace Ui
