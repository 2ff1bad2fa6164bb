// Progressive enhancement for forms marked data-upload-progress: send with XMLHttpRequest so the
// bar can show bytes sent, then show the server's answer in place of the page's main content.
// Without JavaScript the form posts normally and the same answer comes back as a whole page.
function enhanceUploads(root) {
  root.querySelectorAll("form[data-upload-progress]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const bar = form.querySelector("progress");
      const button = form.querySelector("button[type=submit]");
      bar.hidden = false;
      button.disabled = true;
      const request = new XMLHttpRequest();
      request.open("POST", form.action || window.location.href);
      request.upload.addEventListener("progress", (e) => {
        if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      });
      request.addEventListener("load", () => {
        const answer = new DOMParser().parseFromString(request.responseText, "text/html").querySelector("main");
        document.querySelector("main").replaceWith(answer);
        enhanceUploads(answer);
        answer.focus();
      });
      request.addEventListener("error", () => {
        button.disabled = false;
        bar.hidden = true;
        form.insertAdjacentHTML("afterbegin", '<p class="field-error" role="alert">The connection was lost during the upload; try again.</p>');
      });
      request.send(new FormData(form));
    });
  });
}
enhanceUploads(document);
