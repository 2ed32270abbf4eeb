#include "planner/planner_range.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>

namespace gwapp {

PlannerRangeSelector::PlannerRangeSelector(QWidget *parent)
    : QWidget(parent)
    , m_preset(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
{
    m_preset->addItem(tr("Last 24 hours"), int(Preset::LastDay));
    m_preset->addItem(tr("Last 7 days"), int(Preset::LastWeek));
    m_preset->addItem(tr("Last 30 days"), int(Preset::LastMonth));
    m_preset->addItem(tr("All recorded traffic"), int(Preset::All));
    m_preset->addItem(tr("Custom (UTC)"), int(Preset::Custom));
    m_preset->setCurrentIndex(1);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_from->setDateTime(now.addDays(-7));
    m_to->setDateTime(now);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preset);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    updateCustomVisibility();

    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        updateCustomVisibility();
        Q_EMIT rangeChanged();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &PlannerRangeSelector::rangeChanged);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &PlannerRangeSelector::rangeChanged);
}

PlannerRangeSelector::Preset PlannerRangeSelector::preset() const
{
    return Preset(m_preset->currentData().toInt());
}

void PlannerRangeSelector::setPreset(Preset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
}

void PlannerRangeSelector::setCustomRange(const QDateTime &from, const QDateTime &to)
{
    m_from->setDateTime(from.toUTC());
    m_to->setDateTime(to.toUTC());
    setPreset(Preset::Custom);
}

QDateTime PlannerRangeSelector::from() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (preset()) {
    case Preset::LastDay: return now.addDays(-1);
    case Preset::LastWeek: return now.addDays(-7);
    case Preset::LastMonth: return now.addDays(-30);
    case Preset::All: return {};
    case Preset::Custom: return m_from->dateTime();
    }
    return {};
}

QDateTime PlannerRangeSelector::to() const
{
    switch (preset()) {
    case Preset::All: return {};
    case Preset::Custom: return m_to->dateTime();
    default: return QDateTime::currentDateTimeUtc();
    }
}

void PlannerRangeSelector::updateCustomVisibility()
{
    const bool custom = preset() == Preset::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
}

} // namespace gwapp
