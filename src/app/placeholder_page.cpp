#include "placeholder_page.h"

#include "ui_placeholderpage.h"

namespace gwapp {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::PlaceholderPage>())
{
    ui->setupUi(this);
    ui->titleLabel->setText(title);
    ui->descriptionLabel->setText(description);
}

PlaceholderPage::~PlaceholderPage() = default;

} // namespace gwapp
