<#include "notification-messages.ftl">
Hello,

${message}
<#if detail?has_content>
${detail}
</#if>

Open in ARV: ${link}

You get this mail because of your notification preferences; change them in the console under Account → Notifications.

— ARV
