'use strict';
// Tags chosen from the existing ones as the editor types, new ones allowed (common/widgets.py).
{
    const $ = django.jQuery;

    function start(element) {
        $(element).select2({
            tags: true,
            tokenSeparators: [','],
            width: '100%',
            minimumInputLength: 1,
            ajax: {
                url: element.dataset.tagsUrl,
                dataType: 'json',
                delay: 200,
                data: (params) => ({ term: params.term || '' }),
            },
            createTag: (params) => {
                const term = $.trim(params.term).replace(/"/g, '');
                return term ? { id: term, text: term } : null;
            },
        });
    }

    $(function () {
        $('select.tag-autocomplete').each(function () { start(this); });
    });
}
