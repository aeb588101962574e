#pragma once

#include "rules/KeyState.h"

#include <QColor>
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

    // `label` replaces the state's own words (an active usage key is "Active", not "Active (BYOK)").
    void setState(KeyState state, const QString& label = {});
    void setChecking();
    // A key state's JSON name ("active", "out_of_budget", ...) or "checking": for tests and style sheets.
    QString stateId() const { return property("state").toString(); }
    // The words without the leading symbol, for a sentence read aloud: "Invalid key".
    QString words() const { return text().section(QLatin1Char(' '), 1); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // How a state is drawn: a filled pill with its text colour, or an outline in the palette's colours.
    struct Look
    {
        QColor fill;
        QColor text;
        bool outline = false;
    };

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void present(const QString& id, const QString& text, const Look& look);

    Look m_look;
};

} // namespace Ui
