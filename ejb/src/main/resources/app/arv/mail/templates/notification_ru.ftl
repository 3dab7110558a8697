<#include "notification-messages.ftl">
Здравствуйте!

${message}
<#if detail?has_content>
${detail}
</#if>

Открыть в ARV: ${link}

Вы получили это письмо по своим настройкам уведомлений; изменить их можно в консоли: Учётная запись → Уведомления.

— ARV
