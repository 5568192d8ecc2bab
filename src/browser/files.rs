//! Files the user chose in a file input, and reading their bytes when they are sent.

use wasm_bindgen_futures::JsFuture;

use crate::contract::backends::Attachment;

/// A file the user chose; its bytes are read only when the reply is sent.
#[derive(Clone)]
pub struct Chosen {
    pub file: web_sys::File,
    pub name: String,
    pub size: u64,
}

/// The bytes of every chosen file, or the name of the first one that could not be read (it was
/// moved or deleted since it was chosen, say).
pub async fn read_all(files: &[Chosen]) -> Result<Vec<Attachment>, String> {
    let mut attachments = Vec::with_capacity(files.len());
    for chosen in files {
        let bytes = JsFuture::from(chosen.file.array_buffer())
            .await
            .map_err(|_| chosen.name.clone())?;
        attachments.push(Attachment {
            name: chosen.name.clone(),
            mime: chosen.file.type_(),
            data: js_sys::Uint8Array::new(&bytes).to_vec(),
        });
    }
    Ok(attachments)
}
